package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * A binary element-wise operation: on two scalars, on two tensors of one shape, or a real scalar broadcast over a
 * tensor on either side. Subclasses give the derivative rules.
 */
abstract class ElementwiseBinary implements Primitive {
    private final String name;
    private final String symbol;
    private final Emission scalar;
    private final boolean ints;

    /**
     * @param symbol how the operation is written in .hyp (for messages)
     * @param scalar how it is computed on two scalars
     * @param ints   whether it also applies to two ints
     */
    ElementwiseBinary(String name, String symbol, Emission scalar, boolean ints) {
        this.name = name;
        this.symbol = symbol;
        this.scalar = scalar;
        this.ints = ints;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean elementwise() {
        return true;
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        Type a = args.get(0), b = args.get(1);
        if (a.isReal() && b.isReal()) return Type.REAL;
        if (ints && a.isInt() && b.isInt()) return Type.INT;
        if (a.isTensor() && b.isTensor()) {
            if (!a.equals(b)) throw new ShapeError("shapes " + a + " and " + b + " of '" + symbol + "' differ");
            return a;
        }
        if (a.isTensor() && b.isReal()) return a;
        if (a.isReal() && b.isTensor()) return b;
        throw new ShapeError("'" + symbol + "' cannot take " + a + " and " + b);
    }

    @Override
    public int shapeSource(List<Type> args) {
        return args.get(0).isTensor() ? 0 : args.get(1).isTensor() ? 1 : -1;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        if (!args.get(0).isTensor() && !args.get(1).isTensor()) return scalar;
        return new Emission.Call(Emission.TENSOR_MATH, name);
    }

    /** The same operation on the batch, shared values and per-row scalars spread to the batch's shape. */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        return b.op(this, Batched.aligned(b, args, batched).toArray(Var[]::new));
    }

    @Override
    public String toString() {
        return name;
    }
}
