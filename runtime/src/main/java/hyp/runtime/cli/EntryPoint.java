package hyp.runtime.cli;

import hyp.runtime.Tensor;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a generated class: {@code java -cp model.jar hyp.generated.Model mod1 x=-2.7} calls the
 * public static method {@code mod1} of the class with its parameters bound by name, and prints the result.
 * Values are reals, ints, {@code true}/{@code false}, or tensors as {@code [1,2,3]} / {@code [[1,2],[3,4]]}.
 * The generated {@code main} calls {@link #run}; the runtime never needs to know the generated class.
 */
public final class EntryPoint {
    private EntryPoint() {}

    /** Exit status for a call the user got wrong (unknown function, missing or malformed value). */
    public static final int BAD_INPUT = 2;
    /** Exit status when the function itself throws. */
    public static final int FAILED = 1;

    /** Runs the call and exits with a non-zero status on error. */
    public static void run(Class<?> self, String[] args) {
        int status = execute(self, args, System.out, System.err);
        System.out.flush();
        if (status != 0) System.exit(status);
    }

    /** Runs the call, printing results to {@code out} and a one-line message to {@code err}; returns the exit status. */
    public static int execute(Class<?> self, String[] args, PrintStream out, PrintStream err) {
        Method m;
        Object[] values;
        try {
            if (args.length == 0) throw new IllegalArgumentException("usage: java " + self.getName() + " <function> name=value ...; functions: " + signatures(self));
            m = find(self, args[0]);
            values = bind(m, Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
        Object result;
        try {
            result = m.invoke(null, values);
        } catch (InvocationTargetException e) {
            err.println(args[0] + " failed: " + e.getCause());
            return FAILED;
        } catch (IllegalAccessException e) {
            err.println(args[0] + " cannot be called: " + e.getMessage());
            return FAILED;
        }
        if (result instanceof Object[] several) {
            for (Object r : several) out.println(format(r));
        } else if (m.getReturnType() != void.class) {
            out.println(format(result));
        }
        return 0;
    }

    /** The function {@code name}, or {@code name_} (how back ends rename .hyp names that are Java keywords). */
    private static Method find(Class<?> self, String name) {
        for (String candidate : List.of(name, name + "_")) {
            for (Method m : functions(self)) {
                if (m.getName().equals(candidate)) return m;
            }
        }
        throw new IllegalArgumentException("unknown function '" + name + "'; functions: " + signatures(self));
    }

    private static Object[] bind(Method m, String[] pairs) {
        Parameter[] params = m.getParameters();
        Object[] values = new Object[params.length];
        boolean[] given = new boolean[params.length];
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("argument '" + pair + "' is not name=value");
            String name = pair.substring(0, eq), text = pair.substring(eq + 1);
            int i = parameterIndex(m, params, name);
            if (given[i]) throw new IllegalArgumentException("parameter " + name + " is given twice");
            values[i] = parse(name, text, params[i].getType());
            given[i] = true;
        }
        for (int i = 0; i < params.length; i++) {
            if (!given[i]) throw new IllegalArgumentException("missing " + params[i].getName() + "=value for " + m.getName());
        }
        return values;
    }

    private static int parameterIndex(Method m, Parameter[] params, String name) {
        for (String candidate : List.of(name, name + "_")) {
            for (int i = 0; i < params.length; i++) {
                if (params[i].getName().equals(candidate)) return i;
            }
        }
        String known = Arrays.stream(params).map(Parameter::getName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(m.getName() + " has no parameter '" + name + "'; parameters: "
                + (known.isEmpty() ? "none" : known));
    }

    private static Object parse(String name, String text, Class<?> type) {
        String t = text.trim();
        try {
            if (type == double.class) return Double.parseDouble(t);
            if (type == int.class) return Integer.parseInt(t);
            if (type == Tensor.class) return TensorLiteral.parse(t);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException(name + "=" + text + ": expected " + (type == int.class ? "an " : "a ") + kind(type)
                    + (type == Tensor.class ? " (" + e.getMessage() + ")" : ""));
        }
        if (type == boolean.class) {
            if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
            throw new IllegalArgumentException(name + "=" + text + ": expected true or false");
        }
        throw new IllegalArgumentException("parameter " + name + " of type " + type.getSimpleName() + " cannot be given on the command line");
    }

    private static String format(Object value) {
        if (value instanceof Double d) return Double.toString(d);
        return String.valueOf(value);
    }

    private static List<Method> functions(Class<?> self) {
        List<Method> out = new ArrayList<>();
        for (Method m : self.getDeclaredMethods()) {
            int mod = m.getModifiers();
            boolean main = m.getName().equals("main") && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String[].class});
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && !main) out.add(m);
        }
        out.sort(Comparator.comparing(Method::getName));
        return out;
    }

    private static String signatures(Class<?> self) {
        return functions(self).stream()
                .map(m -> m.getName() + Arrays.stream(m.getParameters())
                        .map(p -> p.getName() + ": " + kind(p.getType()))
                        .collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
    }

    private static String kind(Class<?> type) {
        if (type == double.class) return "real";
        if (type == int.class) return "int";
        if (type == boolean.class) return "bool";
        if (type == Tensor.class) return "tensor";
        return type.getSimpleName();
    }
}
