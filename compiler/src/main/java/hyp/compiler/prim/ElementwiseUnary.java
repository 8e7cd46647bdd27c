package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A unary element-wise function y = f(x) on a real or a tensor. Its tangent and adjoint both follow from one
 * derivative f'(x), written as IR by the subclass (in terms of x and y, whichever is cheaper).
 */
abstract class ElementwiseUnary implements Primitive {
    private final String name;
    private final Emission scalar;

    ElementwiseUnary(String name, String owner, String method) {
        this.name = name;
        this.scalar = new Emission.Call(owner, method);
    }

    /** f'(x) as IR, given x and y = f(x); null when it is zero everywhere. */
    abstract Var derivative(IrBuilder b, Var x, Var y);

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
        Type a = args.get(0);
        if (a.isReal() || a.isTensor()) return a;
        throw new ShapeError(name + " takes a real or a real tensor, not " + a);
    }

    @Override
    public int shapeSource(List<Type> args) {
        return args.get(0).isTensor() ? 0 : -1;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return args.get(0).isTensor() ? new Emission.Call(Emission.TENSOR_MATH, name) : scalar;
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> tangents) {
        if (tangents.get(0) == null) return null;
        return b.mul(tangents.get(0), derivative(b, op.arg(0), op.out()));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.mul(cot, derivative(b, op.arg(0), op.out())));
        return out;
    }

    /** Row by row is entry by entry: the same function on the batch. */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        return b.op(this, args.get(0));
    }

    @Override
    public String toString() {
        return name;
    }
}
