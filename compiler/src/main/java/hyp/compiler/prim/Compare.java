package hyp.compiler.prim;

import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/** Comparisons of two reals or two ints (== and != also of bools), yielding a bool. */
final class Compare implements NonDifferentiable {
    private final String name;
    private final String symbol;

    Compare(String name, String symbol) {
        this.name = name;
        this.symbol = symbol;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        Type a = args.get(0), b = args.get(1);
        boolean equality = symbol.equals("==") || symbol.equals("!=");
        if ((a.isReal() || a.isInt() || (equality && a.isBool())) && a.equals(b)) return Type.BOOL;
        throw new ShapeError("'" + symbol + "' compares two scalars of one kind, not " + a + " and " + b);
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Compare(symbol);
    }
}
