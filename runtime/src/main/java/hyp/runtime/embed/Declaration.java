package hyp.runtime.embed;

import hyp.runtime.Tensor;
import hyp.runtime.data.RandomInit;
import java.util.List;
import java.util.Map;

/**
 * A data, param or hyper declaration as the embedded solver needs it: its kind ({@code data}, {@code param},
 * {@code hyper}), its type ({@code real}, {@code int}, {@code bool} or {@code tensor} with dimensions, each a name
 * or a size in digits), and how its default is made when no value is given: a constant {@code fill} spread over
 * the shape, {@code randn} entries scale·N(0, 1) seeded by the name (as the compiler seeds them), or a CSV file
 * ({@code from}, resolved against the solver's data directory; CSV or IDX, with {@code format} {@code onehot} when the
 * declaration says {@code as onehot}). Unused parts are null.
 */
public record Declaration(String name, String kind, String type, List<String> dims, Formula fill, Formula randn,
                          String from, String format) {
    public Declaration {
        dims = List.copyOf(dims);
    }

    /** {@code real[n, d]}, {@code real}, {@code int}: as the .hyp file writes the type. */
    public String declaredType() {
        return type.equals("tensor") ? "real[" + String.join(", ", dims) + "]" : type;
    }

    /** The shape this declaration has once its dimensions are sized; a symbolic one not in {@code sizes} is -1. */
    int[] shape(Map<String, Integer> sizes) {
        int[] out = new int[dims.size()];
        for (int k = 0; k < out.length; k++) {
            String d = dims.get(k);
            out[k] = Character.isDigit(d.charAt(0)) ? Integer.parseInt(d) : sizes.getOrDefault(d, -1);
        }
        return out;
    }

    /** The declared default at these dimension sizes, or null when there is none but a file. */
    Object defaultValue(Map<String, Integer> sizes) {
        if (fill == null && randn == null) return null;
        int[] shape = shape(sizes);
        for (int k = 0; k < shape.length; k++) {
            if (shape[k] < 0) {
                throw new IllegalStateException("cannot size the default of " + kind + " '" + name + "': dimension "
                        + dims.get(k) + " is unknown; give " + name + " or a data that has " + dims.get(k));
            }
        }
        if (randn != null) {
            int count = 1;
            for (int s : shape) count = Math.multiplyExact(count, s);
            double[] entries = RandomInit.normal(count, randn.value(sizes), name.hashCode());
            return type.equals("tensor") ? new Tensor(entries, shape) : (Object) entries[0];
        }
        double v = fill.value(sizes);
        switch (type) {
            case "real": return v;
            case "int": return (int) v;
            case "bool": return v != 0;
            default: return Tensor.fill(v, shape);
        }
    }
}
