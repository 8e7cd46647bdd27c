package hyp.runtime.embed;

import hyp.runtime.Tensor;
import hyp.runtime.data.DataFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a solver runs at: those given by name (checked against their declarations as they come, so a
 * mismatch is reported where it was made), then the {@code from} files of data not given, then declared defaults,
 * sized by the dimensions the others bound.
 */
final class Inputs {
    private final Wiring wiring;
    private final Map<String, Object> given = new LinkedHashMap<>();
    private Path dataDirectory = Path.of("");

    Inputs(Wiring wiring) {
        this.wiring = wiring;
    }

    void dataDirectory(Path dir) {
        dataDirectory = dir;
    }

    /** Gives {@code name} (of kind {@code kind}) a value, after checking its kind, type and shape. */
    void set(String kind, String name, Object value) {
        Declaration d = wiring.global(name);
        if (d == null || !d.kind().equals(kind)) {
            String known = String.join(", ", wiring.globals().stream().filter(g -> g.kind().equals(kind)).map(Declaration::name).toList());
            throw new IllegalArgumentException("no " + kind + " '" + name + "' is declared; " + kind + ": "
                    + (known.isEmpty() ? "none" : known));
        }
        Map<String, Object> others = new LinkedHashMap<>(given);
        others.remove(name);
        Object checked = check(d, value, sizes(others), others);
        given.put(name, checked);
    }

    /** Every data, param and hyper by name: given, read from its file, or its declared default. */
    Map<String, Object> resolve() {
        Map<String, Object> values = new LinkedHashMap<>(given);
        for (Declaration d : wiring.globals()) {
            if (values.containsKey(d.name()) || d.from() == null) continue;
            values.put(d.name(), check(d, read(d), sizes(values), values));
        }
        Map<String, Integer> sizes = sizes(values);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Declaration d : wiring.globals()) {
            Object v = values.get(d.name());
            if (v == null) v = d.defaultValue(sizes);
            if (v == null) {
                throw new IllegalStateException("no value for " + d.kind() + " '" + d.name() + "' (" + d.declaredType()
                        + "): give it with solver." + d.kind() + "(\"" + d.name() + "\", ...)");
            }
            out.put(d.name(), v);
        }
        return out;
    }

    /** The symbolic dimension sizes the tensors among {@code values} bind. */
    private Map<String, Integer> sizes(Map<String, Object> values) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Declaration d : wiring.globals()) {
            if (values.get(d.name()) instanceof Tensor t && t.rank() == d.dims().size()) {
                for (int k = 0; k < t.rank(); k++) sizes.putIfAbsent(d.dims().get(k), t.shape[k]);
            }
        }
        return sizes;
    }

    private Object check(Declaration d, Object value, Map<String, Integer> sizes, Map<String, Object> others) {
        String what = d.kind() + " '" + d.name() + "'";
        switch (d.type()) {
            case "real":
                if (value instanceof Number n) return n.doubleValue();
                break;
            case "int":
                if (value instanceof Integer) return value;
                break;
            case "bool":
                if (value instanceof Boolean) return value;
                break;
            default:
                if (value instanceof Tensor t) {
                    int[] expected = d.shape(sizes);
                    boolean fits = t.rank() == expected.length;
                    for (int k = 0; fits && k < expected.length; k++) fits = expected[k] < 0 || expected[k] == t.shape[k];
                    if (fits) return t;
                    String disagreement = disagreement(d, t, expected, sizes, others);
                    if (disagreement != null) throw new IllegalArgumentException(disagreement);
                    throw new IllegalArgumentException(what + " has shape " + Arrays.toString(t.shape) + " but is declared "
                            + d.declaredType() + ", which needs shape " + show(d, expected) + bound(d, sizes, others));
                }
        }
        throw new IllegalArgumentException(what + " is declared " + d.declaredType() + " but was given "
                + (value instanceof Tensor t ? "a tensor of shape " + Arrays.toString(t.shape) : String.valueOf(value)));
    }

    private static String show(Declaration d, int[] shape) {
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < shape.length; k++) s.append(k == 0 ? "" : ", ").append(shape[k] < 0 ? d.dims().get(k) : shape[k]);
        return s.append(']').toString();
    }

    /** Where the sizes of the declaration's symbolic dimensions came from, e.g. " (n = 200 from X and Xv)". */
    private String bound(Declaration d, Map<String, Integer> sizes, Map<String, Object> others) {
        StringBuilder s = new StringBuilder();
        for (String dim : d.dims()) {
            if (!sizes.containsKey(dim) || s.indexOf(dim + " = ") >= 0) continue;
            String witness = String.join(" and ", witnesses(dim, others).stream().map(Declaration::name).toList());
            s.append(s.length() == 0 ? " (" : ", ").append(dim).append(" = ").append(sizes.get(dim)).append(" from ").append(witness);
        }
        return s.length() == 0 ? "" : s.append(")").toString();
    }

    /** The declarations among {@code others} whose tensor binds symbolic dimension {@code dim}. */
    private List<Declaration> witnesses(String dim, Map<String, Object> others) {
        return wiring.globals().stream()
                .filter(g -> g.dims().contains(dim) && others.get(g.name()) instanceof Tensor t && t.rank() == g.dims().size())
                .toList();
    }

    /**
     * When {@code t} has the declared rank and literal sizes but a symbolic size that one single earlier value
     * contradicts, either may be the misshapen one: a message naming both, instead of blaming the later. Null
     * when the fault is certainly {@code t}'s (a rank or literal size, or two or more values agreeing against it).
     */
    private String disagreement(Declaration d, Tensor t, int[] expected, Map<String, Integer> sizes,
                                Map<String, Object> others) {
        if (t.rank() != expected.length) return null;
        for (int k = 0; k < expected.length; k++) {
            if (Character.isDigit(d.dims().get(k).charAt(0)) && expected[k] != t.shape[k]) return null;
        }
        for (int k = 0; k < expected.length; k++) {
            String dim = d.dims().get(k);
            if (expected[k] < 0 || expected[k] == t.shape[k]) continue;
            List<Declaration> by = witnesses(dim, others);
            if (by.size() != 1) return null;
            Declaration other = by.get(0);
            Tensor o = (Tensor) others.get(other.name());
            return d.kind() + " '" + d.name() + "' has shape " + Arrays.toString(t.shape) + " and " + other.kind() + " '"
                    + other.name() + "', given before, has shape " + Arrays.toString(o.shape) + ": they disagree on "
                    + dim + " (" + t.shape[k] + " against " + sizes.get(dim) + "), so one of them is misshapen ("
                    + d.name() + " is declared " + d.declaredType() + ", so it needs shape " + show(d, expected) + " to fit "
                    + other.name() + "; " + other.name() + " is declared " + other.declaredType() + ")";
        }
        return null;
    }

    private Tensor read(Declaration d) {
        Path file = dataDirectory.resolve(d.from());
        try {
            return DataFile.read(file, d.dims(), d.format(), "data " + d.name() + ": " + d.declaredType());
        } catch (IOException e) {
            throw new IllegalStateException("data '" + d.name() + "' is declared from \"" + d.from() + "\", which cannot be read"
                    + " (" + e + "); give it with solver.data(\"" + d.name() + "\", tensor) or set solver.dataDirectory(...)", e);
        }
    }
}
