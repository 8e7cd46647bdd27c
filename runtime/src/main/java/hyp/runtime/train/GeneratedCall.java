package hyp.runtime.train;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * One generated static method and how to call it: where its arguments come from, how many primal results it
 * returns, and which state or hyperparameter entry each cotangent result after those belongs to.
 */
public final class GeneratedCall {
    private final MethodHandle spread;
    final Arguments arguments;
    final int primalResults;
    final List<Arguments.Source> cotangents;

    public GeneratedCall(MethodHandle handle, Arguments arguments, int primalResults, List<Arguments.Source> cotangents) {
        int n = handle.type().parameterCount();
        if (n != arguments.sources().size()) {
            throw new IllegalArgumentException("method takes " + n + " arguments, plan has " + arguments.sources().size());
        }
        this.spread = handle.asSpreader(Object[].class, n).asType(MethodType.methodType(Object.class, Object[].class));
        this.arguments = arguments;
        this.primalResults = primalResults;
        this.cotangents = List.copyOf(cotangents);
    }

    /** The results as an array (a method with one result returns it alone). */
    Object[] call(Object[] args) {
        Object r;
        try {
            r = spread.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return r instanceof Object[] a ? a : new Object[] {r};
    }

    /**
     * Adds each cotangent result into the state or hyperparameter vector it belongs to, and says whether every
     * sum written is finite (checked in the same pass).
     */
    boolean scatter(Object[] results, Layout state, double[] stateBar, Layout hyper, double[] hyperBar) {
        boolean finite = true;
        for (int i = 0; i < cotangents.size(); i++) {
            Object value = results[primalResults + i];
            Arguments.Source s = cotangents.get(i);
            if (s instanceof Arguments.State st) finite &= state.addFinite(stateBar, st.k(), value);
            else if (s instanceof Arguments.Hyper h) finite &= hyper.addFinite(hyperBar, h.k(), value);
        }
        return finite;
    }
}
