package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/** A whole-tensor reduction to a real; subclasses give the derivative rules. */
abstract class Reduction implements Primitive {
    private final String name;

    Reduction(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!args.get(0).isTensor()) throw new ShapeError(name + " takes a tensor, not " + args.get(0));
        return Type.REAL;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.REDUCTIONS, name);
    }

    @Override
    public String toString() {
        return name;
    }
}
