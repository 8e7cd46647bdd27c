package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/** x yᵀ for vectors x and y: the adjoint of a matrix-vector product with respect to the matrix. */
final class Outer implements Primitive {
    @Override
    public String name() {
        return "outer";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(0) instanceof Type.Tensor x) || !(args.get(1) instanceof Type.Tensor y) || x.rank() != 1 || y.rank() != 1) {
            throw new ShapeError("outer takes two vectors, not " + args.get(0) + " and " + args.get(1));
        }
        return Type.tensor(x.dims().get(0), y.dims().get(0));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call(Emission.PRODUCTS, "outer");
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        Var fromX = t.get(0) == null ? null : b.op(this, t.get(0), op.arg(1));
        Var fromY = t.get(1) == null ? null : b.op(this, op.arg(0), t.get(1));
        return b.add(fromX, fromY);
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        // C = x yᵀ: x̄ = C̄ y, ȳ = C̄ᵀ x = xᵀ C̄.
        return Arrays.asList(b.op(Prims.MATMUL, cot, op.arg(1)), b.op(Prims.MATMUL, op.arg(0), cot));
    }
}
