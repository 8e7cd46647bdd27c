package hyp.compiler.backend.bytecode;

import hyp.runtime.Tensor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Calls a generated function by its .hyp name with boxed arguments (Double, Integer, Boolean, Tensor), converting
 * numbers to the parameter's kind. One result comes back boxed; several come back as Object[] in order.
 * Exceptions thrown by the generated code propagate unchanged.
 */
public final class Invoker {
    private Invoker() {}

    /** The public static method of {@code generated} for the .hyp function {@code name}. */
    public static Method find(Class<?> generated, String name) {
        String method = JavaNames.legal(name);
        for (Method m : generated.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers()) && !isMain(m)) return m;
        }
        throw new IllegalArgumentException(generated.getName() + " has no function " + name);
    }

    public static Object call(Class<?> generated, String name, Object... args) {
        return call(find(generated, name), args);
    }

    public static Object call(Method m, Object... args) {
        Class<?>[] types = m.getParameterTypes();
        if (args.length != types.length) {
            throw new IllegalArgumentException(m.getName() + " takes " + types.length + " arguments, not " + args.length);
        }
        Object[] converted = new Object[args.length];
        for (int i = 0; i < args.length; i++) converted[i] = convert(m, i, types[i], args[i]);
        try {
            return m.invoke(null, converted);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(m.getName() + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(m.getName() + " is not accessible", e);
        }
    }

    private static Object convert(Method m, int i, Class<?> type, Object arg) {
        if (type == double.class && arg instanceof Number n) return n.doubleValue();
        if (type == int.class && (arg instanceof Integer || arg instanceof Short || arg instanceof Byte)) {
            return ((Number) arg).intValue();
        }
        if (type == int.class && arg instanceof Long l && l == l.intValue()) return l.intValue();
        if (type == boolean.class && arg instanceof Boolean) return arg;
        if (type == Tensor.class && arg instanceof double[] v) return Tensor.vector(v);
        if (type == Tensor.class && arg instanceof double[][] rows) return Tensor.matrix(rows);
        if (!type.isPrimitive() && (arg == null || type.isInstance(arg))) return arg;
        String name = m.getParameters()[i].getName();
        throw new IllegalArgumentException("argument " + name + " of " + m.getName() + " must be " + describe(type)
                + ", not " + (arg == null ? "null" : arg.getClass().getSimpleName() + " " + show(arg)));
    }

    private static String describe(Class<?> type) {
        if (type == double.class) return "a real";
        if (type == int.class) return "an int";
        if (type == boolean.class) return "a bool";
        if (type == Tensor.class) return "a tensor";
        return "a " + type.getSimpleName();
    }

    private static String show(Object arg) {
        return arg instanceof Object[] a ? Arrays.deepToString(a) : String.valueOf(arg);
    }

    static boolean isMain(Method m) {
        return m.getName().equals("main") && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String[].class});
    }
}
