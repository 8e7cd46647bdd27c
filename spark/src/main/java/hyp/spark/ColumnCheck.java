package hyp.spark;

import hyp.runtime.embed.Declaration;
import hyp.runtime.embed.Wiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Checks a Dataset's schema against the model's data declarations on the driver, before any Spark job: every
 * bound column exists and holds numbers, the number of columns fits the declared row shape, all bound data share
 * the row dimension, and every data declaration that reads the rows is bound. Errors name the column and the
 * declaration ({@code data X: real[n, d]}).
 */
final class ColumnCheck {
    private ColumnCheck() {}

    /** How one declaration reads a row: its entries per row, and whether from one array column. */
    record Plan(String data, int[] columnIndex, boolean array, int width, int[] rowShape) implements java.io.Serializable {}

    static List<Plan> check(Wiring wiring, StructType schema, List<RowBinding> bindings, Map<String, Values> shared) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, Values> e : shared.entrySet()) {
            Declaration d = declaration(wiring, e.getKey());
            int[] shape = e.getValue().shape();
            for (int k = 0; k < shape.length && k < d.dims().size(); k++) sizes.putIfAbsent(d.dims().get(k), shape[k]);
        }
        String rowDim = null;
        String rowDimFrom = null;
        List<Plan> plans = new ArrayList<>();
        for (RowBinding b : bindings) {
            Declaration d = declaration(wiring, b.data());
            String decl = "data " + d.name() + ": " + d.declaredType();
            if (shared.containsKey(d.name())) {
                throw new IllegalArgumentException(decl + " is bound to columns and also given as shared data; give it once");
            }
            if (d.dims().isEmpty()) throw new IllegalArgumentException(decl + " has no row dimension, so it cannot be read from columns");
            if (rowDim == null) {
                rowDim = d.dims().get(0);
                rowDimFrom = decl;
            } else if (!rowDim.equals(d.dims().get(0))) {
                throw new IllegalArgumentException(decl + " has rows '" + d.dims().get(0) + "' but " + rowDimFrom
                        + " has rows '" + rowDim + "': all data bound to the Dataset's columns share its rows");
            }
            int[] index = new int[b.columns().size()];
            boolean array = false;
            for (int k = 0; k < index.length; k++) {
                String c = b.columns().get(k);
                int i = fieldIndex(schema, c);
                if (i < 0) {
                    throw new IllegalArgumentException("column '" + c + "' bound to " + decl + " is not in the Dataset (its columns: "
                            + String.join(", ", schema.fieldNames()) + ")");
                }
                StructField f = schema.fields()[i];
                DataType t = f.dataType();
                if (t instanceof ArrayType at && at.elementType() instanceof NumericType) {
                    if (index.length != 1) {
                        throw new IllegalArgumentException("column '" + c + "' bound to " + decl + " is an array; an array "
                                + "column must be the declaration's only column");
                    }
                    array = true;
                } else if (!(t instanceof NumericType)) {
                    throw new IllegalArgumentException("column '" + c + "' bound to " + decl + " holds " + t.simpleString()
                            + ", not numbers");
                }
                index[k] = i;
            }
            List<String> trailing = d.dims().subList(1, d.dims().size());
            int width = array ? -1 : index.length;
            if (trailing.isEmpty() && (array || width != 1)) {
                throw new IllegalArgumentException(decl + " has one number per row but is bound to "
                        + (array ? "array column '" + b.columns().get(0) + "'" : width + " columns " + b.columns()));
            }
            int[] rowShape = new int[trailing.size()];
            int known = 1;
            int open = -1;
            for (int k = 0; k < trailing.size(); k++) {
                Integer s = size(trailing.get(k), sizes);
                if (s == null) {
                    if (open >= 0) throw new IllegalArgumentException(decl + ": its row dimensions " + trailing + " are not all "
                            + "known from the shared data; give the data that size them first");
                    open = k;
                } else {
                    rowShape[k] = s;
                    known *= s;
                }
            }
            if (!array) {
                if (open >= 0) {
                    if (width % known != 0) throw shapeError(decl, b, width, known);
                    rowShape[open] = width / known;
                    sizes.put(trailing.get(open), width / known);
                } else if (width != known) {
                    throw shapeError(decl, b, width, known);
                }
            } else if (open >= 0) {
                throw new IllegalArgumentException(decl + ": array column '" + b.columns().get(0) + "' cannot size '"
                        + trailing.get(open) + "' before a job runs; bind numbered columns or give shared data sized by it");
            } else {
                width = known;
            }
            plans.add(new Plan(d.name(), index, array, width, rowShape));
        }
        if (rowDim == null) throw new IllegalArgumentException("no data declaration is bound to the Dataset's columns");
        for (Declaration d : wiring.globals()) {
            boolean bound = plans.stream().anyMatch(p -> p.data().equals(d.name()));
            if (d.kind().equals("data") && !bound && !d.dims().isEmpty() && d.dims().get(0).equals(rowDim)) {
                throw new IllegalArgumentException("data " + d.name() + ": " + d.declaredType() + " reads the rows ('" + rowDim
                        + "') but is bound to no column: bind it with RowBinding.of(\"" + d.name() + "\", columns...)");
            }
        }
        return plans;
    }

    private static IllegalArgumentException shapeError(String decl, RowBinding b, int width, int known) {
        String cols = width == 1 ? "column '" + b.columns().get(0) + "'" : width + " columns (" + b.columns().get(0)
                + " … " + b.columns().get(width - 1) + ")";
        return new IllegalArgumentException(decl + " needs " + known + (known == 1 ? " number" : " numbers")
                + " per row but is bound to " + cols);
    }

    private static Integer size(String dim, Map<String, Integer> sizes) {
        if (dim.chars().allMatch(Character::isDigit)) return Integer.parseInt(dim);
        return sizes.get(dim);
    }

    private static int fieldIndex(StructType schema, String name) {
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }

    private static Declaration declaration(Wiring wiring, String name) {
        Declaration d = wiring.global(name);
        if (d == null || !d.kind().equals("data")) {
            String known = String.join(", ", wiring.globals().stream().filter(g -> g.kind().equals("data")).map(Declaration::name).toList());
            throw new IllegalArgumentException("no data '" + name + "' is declared; data: " + known);
        }
        return d;
    }
}
