package hyp.runtime.reverse;

import hyp.runtime.train.Arguments;
import hyp.runtime.train.Layout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * An {@link IncrementFunction} that calls one generated static method, taking each argument from the state,
 * the hyperparameters, the step number or a fixed value (data), as its {@link Arguments.Source} says.
 */
public final class GeneratedIncrements implements IncrementFunction {
    private final MethodHandle spread;
    private final List<Arguments.Source> sources;
    private final Layout state;
    private final Layout hyper;

    public GeneratedIncrements(MethodHandle handle, List<Arguments.Source> sources, Layout state, Layout hyper) {
        int n = handle.type().parameterCount();
        if (n != sources.size()) {
            throw new IllegalArgumentException("method takes " + n + " arguments, plan has " + sources.size());
        }
        for (Arguments.Source s : sources) {
            if (s instanceof Arguments.Seed) throw new IllegalArgumentException("an increment function takes no cotangent seeds");
        }
        this.spread = handle.asSpreader(Object[].class, n).asType(MethodType.methodType(Object.class, Object[].class));
        this.sources = List.copyOf(sources);
        this.state = state;
        this.hyper = hyper;
    }

    @Override
    public Object[] apply(double[] s, double[] h, int step) {
        Object[] args = new Object[sources.size()];
        for (int i = 0; i < args.length; i++) {
            Arguments.Source src = sources.get(i);
            if (src instanceof Arguments.State st) args[i] = state.get(s, st.k());
            else if (src instanceof Arguments.Hyper hy) args[i] = hyper.get(h, hy.k());
            else if (src instanceof Arguments.Step) args[i] = step;
            else if (src instanceof Arguments.Batched b) args[i] = b.at(step);
            else args[i] = ((Arguments.Fixed) src).value();
        }
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
}
