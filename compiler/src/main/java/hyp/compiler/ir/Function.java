package hyp.compiler.ir;

import hyp.compiler.types.Type;
import java.util.List;

/**
 * A compiled def: parameters (the def's own, then the globals it reads), a body, and its results.
 * {@code paramNames} are the source names, used by back ends and the command line.
 */
public record Function(String name, List<String> paramNames, Block body) {
    public List<Var> params() {
        return body.params();
    }

    public List<Type> resultTypes() {
        return body.results().stream().map(Var::type).toList();
    }

    public Type resultType() {
        return body.results().get(0).type();
    }

    /** The positions of the tensor parameters: those a shape error is blamed on, by name and declared type. */
    public List<Integer> tensorParams() {
        return java.util.stream.IntStream.range(0, params().size())
                .filter(p -> params().get(p).type() instanceof Type.Tensor).boxed().toList();
    }
}
