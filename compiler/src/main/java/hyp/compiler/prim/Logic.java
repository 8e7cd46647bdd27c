package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/** and, or (of two bools) and not (of one). Both sides are always evaluated: expressions have no side effects. */
final class Logic implements NonDifferentiable {
    private final String name;
    private final String symbol;

    Logic(String name, String symbol) {
        this.name = name;
        this.symbol = symbol;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        for (Type t : args) {
            if (!t.isBool()) throw new ShapeError("'" + name + "' takes bools, not " + t);
        }
        return Type.BOOL;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return args.size() == 1 ? new Emission.Prefix(symbol) : new Emission.Infix(symbol);
    }
}
