package hyp.runtime.ops;

import hyp.runtime.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Names the argument at fault when a shape error leaves a generated static method: the method's handler passes
 * its tensor arguments with their .hyp parameter names and declared types, and the message gains the first
 * argument that does not fit (a null, a wrong rank or literal size, or a symbolic dimension two arguments give
 * different sizes). Costs nothing unless the error happens.
 */
public final class ArgumentShapes {
    private ArgumentShapes() {}

    /**
     * {@code error} with the argument at fault named, or {@code error} itself when it was already explained (by a
     * generated method called from this one) or every argument fits its declaration.
     *
     * @param declared each argument's type as the .hyp file writes it, e.g. {@code real[n, 3]}
     */
    public static ShapeMismatchException explain(ShapeMismatchException error, String function, String[] names,
                                                 String[] declared, Tensor[] args) {
        if (error.explained()) return error;
        String fault = fault(names, declared, args);
        if (fault == null) return error;
        return new ShapeMismatchException(error.getMessage() + " (calling " + function + ": " + fault + ")", error);
    }

    /** The first argument that does not fit, described; null if all do. */
    static String fault(String[] names, String[] declared, Tensor[] args) {
        record Binding(String parameter, int size, int[] shape) {}
        Map<String, Binding> bound = new HashMap<>();
        for (int p = 0; p < args.length; p++) {
            String[] dims = dims(declared[p]);
            Tensor t = args[p];
            if (t == null) return "argument '" + names[p] + "' is null, expected a tensor " + declared[p];
            if (t.rank() != dims.length) {
                return "argument '" + names[p] + "' has shape " + Arrays.toString(t.shape) + " but is declared "
                        + declared[p];
            }
            for (int k = 0; k < dims.length; k++) {
                String d = dims[k];
                if (Character.isDigit(d.charAt(0))) {
                    if (Integer.parseInt(d) != t.shape[k]) {
                        return "argument '" + names[p] + "' has shape " + Arrays.toString(t.shape) + " but is declared "
                                + declared[p];
                    }
                    continue;
                }
                Binding first = bound.putIfAbsent(d, new Binding(names[p], t.shape[k], t.shape));
                if (first != null && first.size() != t.shape[k]) {
                    return "arguments '" + first.parameter() + "' and '" + names[p] + "' disagree on " + d + ": "
                            + first.size() + " in " + first.parameter() + " (shape " + Arrays.toString(first.shape())
                            + ") but " + t.shape[k] + " in " + names[p] + " (shape " + Arrays.toString(t.shape) + ")";
                }
            }
        }
        return null;
    }

    /** {@code real[n, 3]} → {@code [n, 3]}. */
    private static String[] dims(String declared) {
        String inside = declared.substring(declared.indexOf('[') + 1, declared.lastIndexOf(']'));
        String[] parts = inside.split(",");
        for (int i = 0; i < parts.length; i++) parts[i] = parts[i].trim();
        return parts;
    }
}
