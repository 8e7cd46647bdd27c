package hyp.compiler.backend.interp;

import hyp.compiler.prim.Emission;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link Emission.Call} and {@link Emission.CallWithArray} as kernels: the named static runtime method, found by
 * reflection with the parameter classes the back ends put in its descriptor (the IR argument types, then one
 * {@code int} per constant). Lookups are cached per (owner, method, parameter classes).
 */
final class RuntimeCalls {
    private RuntimeCalls() {}

    private record Key(String owner, String method, List<Class<?>> params) {}

    private static final ConcurrentMap<Key, Method> METHODS = new ConcurrentHashMap<>();

    static final String COMPLEX = "hyp.runtime.complex.Complex";
    static final String COMPLEX_TENSOR = "hyp.runtime.complex.ComplexTensor";

    /** The JVM class a value of this IR type has in generated code. */
    static Class<?> jvmClass(Type t) {
        if (t instanceof Type.Tensor) return Tensor.class;
        if (t instanceof Type.Tape) return load(Emission.TAPE);
        if (t instanceof Type.Complex c) return load(c.of().isTensor() ? COMPLEX_TENSOR : COMPLEX);
        return switch (((Type.Scalar) t).kind()) {
            case REAL -> double.class;
            case INT -> int.class;
            case BOOL -> boolean.class;
        };
    }

    static Kernel call(Emission.Call call, List<Type> args, Type result) {
        List<Class<?>> params = new ArrayList<>();
        for (Type t : args) params.add(jvmClass(t));
        for (int i = 0; i < call.constants().size(); i++) params.add(int.class);
        Method m = method(call.owner(), call.method(), params, result);
        if (call.constants().isEmpty()) return a -> invoke(m, a);
        Object[] constants = call.constants().toArray();
        return a -> {
            Object[] all = new Object[a.length + constants.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(constants, 0, all, a.length, constants.length);
            return invoke(m, all);
        };
    }

    /**
     * All arguments packed into one array of their class: {@code double[]} for reals, {@code Tensor[]} for tensors
     * (and {@code Complex[]}, {@code ComplexTensor[]} in complex-step code).
     */
    static Kernel callWithArray(Emission.CallWithArray call, List<Type> args, Type result) {
        if (args.isEmpty()) throw new IllegalStateException(call.method() + ": an array call needs arguments");
        Class<?> element = jvmClass(args.get(0));
        if (element == int.class || element == boolean.class) {
            throw new IllegalStateException(call.method() + ": an array call takes reals or tensors, not " + args.get(0));
        }
        Method m = method(call.owner(), call.method(), List.of(element.arrayType()), result);
        return a -> {
            Object packed = Array.newInstance(element, a.length);
            for (int i = 0; i < a.length; i++) Array.set(packed, i, a[i]);
            return invoke(m, new Object[] {packed});
        };
    }

    private static Method method(String owner, String name, List<Class<?>> params, Type result) {
        Method m = METHODS.computeIfAbsent(new Key(owner, name, List.copyOf(params)), k -> find(k.owner, k.method, k.params));
        if (m.getReturnType() != jvmClass(result)) {
            throw new IllegalStateException(owner + "." + name + " returns " + m.getReturnType().getName()
                    + " but the IR expects " + result);
        }
        return m;
    }

    private static Method find(String owner, String name, List<Class<?>> params) {
        try {
            Method m = load(owner).getMethod(name, params.toArray(Class<?>[]::new));
            if (!Modifier.isStatic(m.getModifiers())) throw new IllegalStateException(owner + "." + name + " is not static");
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no runtime method " + owner + "." + name + params.stream()
                    .map(Class::getSimpleName).toList().toString().replace('[', '(').replace(']', ')'), e);
        }
    }

    private static Class<?> load(String owner) {
        try {
            return Class.forName(owner, true, RuntimeCalls.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("runtime class " + owner + " is not on the class path", e);
        }
    }

    /** Calls the method; what it throws propagates unchanged, as it does from generated code. */
    private static Object invoke(Method m, Object[] args) {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(m.getName() + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m, e);
        }
    }
}
