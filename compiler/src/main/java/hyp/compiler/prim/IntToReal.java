package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/** An int used where a real is expected. Ints carry no derivative. */
final class IntToReal implements NonDifferentiable {
    @Override
    public String name() {
        return "real";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!args.get(0).isInt()) throw new ShapeError("expected an int, not " + args.get(0));
        return Type.REAL;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.IntToReal();
    }
}
