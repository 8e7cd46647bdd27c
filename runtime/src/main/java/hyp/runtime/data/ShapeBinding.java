package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds the symbolic dimensions of {@code data} declarations to the sizes of the tensors given for
 * them, e.g. {@code X: real[n, d]} and {@code y: real[n]} from files of 200 × 5 and 200 values give
 * n = 200, d = 5.
 *
 * <p>A dimension is a name (bound by its first occurrence, in declaration order) or a literal size
 * written in digits. A vector declaration accepts an n × 1 or 1 × n matrix and a scalar declaration a
 * 1 × 1 one; the bound tensors are reshaped to the declared rank (sharing their data). Every problem is
 * collected and reported together in one {@link DataShapeException}, naming the data, its origin and
 * the dimension, e.g. "dimension n is 200 in X (x.csv) but 199 in y (y.csv)".
 */
public final class ShapeBinding {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    private static final Pattern LITERAL = Pattern.compile("[0-9]+");

    private final Map<String, Integer> sizes;
    private final Map<String, Tensor> tensors;

    private ShapeBinding(Map<String, Integer> sizes, Map<String, Tensor> tensors) {
        this.sizes = Collections.unmodifiableMap(sizes);
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /** Where a symbolic dimension got its size, for messages about later disagreements. */
    private record Witness(int size, String data, String origin, String axis) {}

    /**
     * Binds {@code values} to {@code declared}.
     *
     * @param declared the dimensions of each data declaration in declaration order (use a
     *     {@link LinkedHashMap}); an empty list declares a scalar
     * @param values the tensor given for each declared name
     * @throws DataShapeException listing every missing, unknown or misshapen data and every conflict
     * @throws IllegalArgumentException if a declared dimension is neither a name nor a literal size
     */
    public static ShapeBinding bind(Map<String, List<String>> declared, Map<String, DataValue> values) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, DataValue> e : values.entrySet()) {
            if (!declared.containsKey(e.getKey())) {
                problems.add(e.getKey() + " (" + e.getValue().origin() + ") is not a data declaration; declared: "
                        + String.join(", ", declared.keySet()));
            }
        }
        Map<String, Witness> witnesses = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> d : declared.entrySet()) {
            String name = d.getKey();
            List<String> dims = d.getValue();
            dims.forEach(ShapeBinding::checkDimension);
            DataValue given = values.get(name);
            if (given == null) {
                problems.add("no data given for " + name + ": " + type(dims));
                continue;
            }
            Tensor shaped = conform(name, dims, given, problems);
            if (shaped == null) {
                continue;
            }
            tensors.put(name, shaped);
            for (int k = 0; k < dims.size(); k++) {
                String dim = dims.get(k);
                int size = shaped.shape[k];
                String axis = axisWord(shaped.rank(), k);
                if (LITERAL.matcher(dim).matches()) {
                    if (BigInteger.valueOf(size).compareTo(new BigInteger(dim)) != 0) {
                        problems.add("dimension " + (k + 1) + " of " + name + " (" + given.origin() + ") must be "
                                + dim + " as declared " + type(dims) + ", but it has " + counted(size, axis));
                    }
                    continue;
                }
                Witness first = witnesses.get(dim);
                if (first == null) {
                    witnesses.put(dim, new Witness(size, name, given.origin(), axis));
                } else if (first.size() != size) {
                    problems.add(conflict(dim, first, new Witness(size, name, given.origin(), axis)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DataShapeException(problems);
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        witnesses.forEach((dim, w) -> sizes.put(dim, w.size()));
        return new ShapeBinding(sizes, tensors);
    }

    /**
     * Reads each file with {@link CsvReader#readMatrix} (messages name it as {@code path.toString()}
     * shows it) and binds the results.
     *
     * @throws DataFormatException for the first file that is not numeric CSV
     * @throws DataShapeException as {@link #bind}
     */
    public static ShapeBinding bindFiles(Map<String, List<String>> declared, Map<String, Path> files,
            CsvReader reader) throws IOException {
        Map<String, DataValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            values.put(e.getKey(), new DataValue(reader.readMatrix(e.getValue()), e.getValue().toString()));
        }
        return bind(declared, values);
    }

    /** The size of every symbolic dimension, in the order they were first met. */
    public Map<String, Integer> sizes() {
        return sizes;
    }

    /** The size bound to the symbolic dimension {@code dim}. */
    public int size(String dim) {
        Integer s = sizes.get(dim);
        if (s == null) {
            throw new IllegalArgumentException("ShapeBinding: no dimension '" + dim + "'; bound: " + sizes.keySet());
        }
        return s;
    }

    /** Each data name's tensor, shaped to its declared rank. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** The tensor bound to data {@code name}, shaped to its declared rank. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("ShapeBinding: no data '" + name + "'; bound: " + tensors.keySet());
        }
        return t;
    }

    private static Tensor conform(String name, List<String> dims, DataValue given, List<String> problems) {
        Tensor t = given.tensor();
        int rank = dims.size();
        if (t.rank() == rank) {
            return t;
        }
        if (rank == 1 && t.rank() == 2 && (t.dim(0) == 1 || t.dim(1) == 1)) {
            return new Tensor(t.data, t.size());
        }
        if (rank == 0 && t.size() == 1) {
            return new Tensor(t.data);
        }
        String wanted = switch (rank) {
            case 0 -> "a single number";
            case 1 -> "a vector";
            case 2 -> "a matrix";
            default -> "a rank-" + rank + " tensor";
        };
        problems.add(name + " (" + given.origin() + ") must be " + wanted + " " + type(dims) + ", but it "
                + describe(t));
        return null;
    }

    private static String describe(Tensor t) {
        return switch (t.rank()) {
            case 0 -> "is a single number";
            case 1 -> "is a vector of " + counted(t.dim(0), "values");
            case 2 -> "has " + counted(t.dim(0), "rows") + " and " + counted(t.dim(1), "columns");
            default -> "is a rank-" + t.rank() + " tensor of shape " + Arrays.toString(t.shape);
        };
    }

    private static String conflict(String dim, Witness first, Witness later) {
        if (first.data().equals(later.data())) {
            return "dimension " + dim + " is " + first.size() + " (" + first.axis() + ") but " + later.size()
                    + " (" + later.axis() + ") in " + later.data() + " (" + later.origin() + ")";
        }
        return "dimension " + dim + " is " + first.size() + " in " + first.data() + " (" + first.origin()
                + ") but " + later.size() + " in " + later.data() + " (" + later.origin() + ")";
    }

    /** "1 row", "2 rows", "1 entry along axis 3": the axis words are plurals ending in "s" or "entries". */
    private static String counted(int n, String plural) {
        if (n != 1) {
            return n + " " + plural;
        }
        return "1 " + (plural.startsWith("entries") ? "entry" + plural.substring(7) : plural.substring(0, plural.length() - 1));
    }

    private static String axisWord(int rank, int axis) {
        if (rank == 1) {
            return "values";
        }
        if (rank == 2) {
            return axis == 0 ? "rows" : "columns";
        }
        return "entries along axis " + (axis + 1);
    }

    private static void checkDimension(String dim) {
        if (!NAME.matcher(dim).matches() && !LITERAL.matcher(dim).matches()) {
            throw new IllegalArgumentException("ShapeBinding: dimension '" + dim
                    + "' is neither a name nor a size in digits");
        }
        if (LITERAL.matcher(dim).matches() && new BigInteger(dim).compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("ShapeBinding: dimension " + dim + " is too large for a tensor");
        }
    }

    private static String type(List<String> dims) {
        return dims.isEmpty() ? "real" : "real[" + String.join(", ", dims) + "]";
    }
}
