package hyp.runtime.embed;

import hyp.runtime.Tensor;
import hyp.runtime.data.Minibatches;
import hyp.runtime.train.Arguments;
import hyp.runtime.train.GeneratedCall;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to call one generated training method, as the compiler wrote it: the method's name, where each argument
 * comes from ({@code state:K}, {@code hyper:K}, {@code step}, {@code seed:K}, {@code fixed:NAME}, a data,
 * param or hyper by its name, or {@code batched:NAME}, a data the step reads a minibatch of), how many primal results come first, and which state or hyper entry each
 * cotangent result after them belongs to.
 */
public record CallPlan(String method, List<String> arguments, int primalResults, List<String> cotangents) {
    public CallPlan {
        arguments = List.copyOf(arguments);
        cotangents = List.copyOf(cotangents);
    }

    /**
     * The call, with each {@code fixed:NAME} argument bound to {@code values.get(NAME)} and each {@code batched:NAME}
     * to the step's batch of it ({@code batches} null: the whole set).
     */
    GeneratedCall bind(Class<?> generated, Map<String, Object> values, Minibatches batches) {
        List<Arguments.Source> sources = sources(values, batches);
        List<Arguments.Source> cots = new ArrayList<>();
        for (String c : cotangents) cots.add(source(c, values, null));
        return new GeneratedCall(handle(generated), new Arguments(sources), primalResults, cots);
    }

    /** Where each argument comes from, bound as {@link #bind} binds them. */
    List<Arguments.Source> sources(Map<String, Object> values, Minibatches batches) {
        List<Arguments.Source> sources = new ArrayList<>();
        for (String a : arguments) sources.add(source(a, values, batches));
        return sources;
    }

    /** The value of each {@code fixed} and {@code hyper} argument, for a call made outside the dynamics. */
    Object[] fixedArguments(Map<String, Object> values, List<String> hypers) {
        Object[] out = new Object[arguments.size()];
        for (int i = 0; i < out.length; i++) {
            String a = arguments.get(i);
            if (a.startsWith("fixed:")) out[i] = require(values, a.substring(6));
            else if (a.startsWith("batched:")) out[i] = require(values, a.substring(8));
            else if (a.startsWith("hyper:")) out[i] = require(values, hypers.get(index(a)));
            else throw new IllegalStateException(method + " reads " + a + " where only fixed values are known");
        }
        return out;
    }

    MethodHandle handle(Class<?> generated) {
        for (Method m : generated.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers())) {
                try {
                    return MethodHandles.publicLookup().unreflect(m);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(generated.getName() + "." + method + " is not accessible", e);
                }
            }
        }
        throw new IllegalStateException(generated.getName() + " has no method " + method
                + "; the jar's classes and its solver description do not match");
    }

    private static Arguments.Source source(String token, Map<String, Object> values, Minibatches batches) {
        if (token.equals("step")) return new Arguments.Step();
        if (token.startsWith("state:")) return new Arguments.State(index(token));
        if (token.startsWith("hyper:")) return new Arguments.Hyper(index(token));
        if (token.startsWith("seed:")) return new Arguments.Seed(index(token));
        if (token.startsWith("fixed:")) return new Arguments.Fixed(require(values, token.substring(6)));
        if (token.startsWith("batched:")) {
            Object full = require(values, token.substring(8));
            return batches == null || batches.whole() ? new Arguments.Fixed(full) : new Arguments.Batched((Tensor) full, batches);
        }
        throw new IllegalStateException("unknown argument source '" + token + "'");
    }

    private static int index(String token) {
        return Integer.parseInt(token.substring(token.indexOf(':') + 1));
    }

    private static Object require(Map<String, Object> values, String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalStateException("no value for '" + name + "'");
        return v;
    }
}
