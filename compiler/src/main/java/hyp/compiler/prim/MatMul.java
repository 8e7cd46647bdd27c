package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.Arrays;
import java.util.List;

/** {@code a @ b}: vector·vector (dot), matrix·vector, vector·matrix and matrix·matrix. */
final class MatMul implements Primitive {
    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(0) instanceof Type.Tensor a) || !(args.get(1) instanceof Type.Tensor b) || a.rank() > 2 || b.rank() > 2) {
            throw new ShapeError("'@' takes vectors and matrices, not " + args.get(0) + " and " + args.get(1));
        }
        Dim inner = a.dims().get(a.rank() - 1);
        Dim other = b.dims().get(0);
        if (!inner.equals(other)) {
            throw new ShapeError("'@' of " + a + " and " + b + ": inner dimensions " + inner + " and " + other + " differ");
        }
        if (a.rank() == 1 && b.rank() == 1) return Type.REAL;
        if (a.rank() == 2 && b.rank() == 1) return Type.tensor(a.dims().get(0));
        if (a.rank() == 1) return Type.tensor(b.dims().get(1));
        return Type.tensor(a.dims().get(0), b.dims().get(1));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        int ra = ((Type.Tensor) args.get(0)).rank(), rb = ((Type.Tensor) args.get(1)).rank();
        String method = ra == 1 ? (rb == 1 ? "dot" : "vecmat") : (rb == 1 ? "matvec" : "matmul");
        return new Emission.Call(Emission.PRODUCTS, method);
    }

    /**
     * Per-row products become one product with the batch: x·w per row is X w, W x per row is X Wᵀ, xᵀ W per row is
     * X W (a matrix product, the tiled gemm), x·y with both per row is the row sums of X ∘ Y. Matrices that differ
     * per row have no rule.
     */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        Var x = args.get(0), y = args.get(1);
        boolean bx = batched.get(0), by = batched.get(1);
        int ra = ((Type.Tensor) op.arg(0).type()).rank(), rb = ((Type.Tensor) op.arg(1).type()).rank();
        if (ra == 1 && rb == 1) {
            if (bx && by) return b.op(Prims.ROW_SUMS, b.mul(x, y));
            return bx ? b.op(this, x, y) : b.op(this, y, x);
        }
        if (ra == 2 && rb == 1 && !bx) return b.op(this, y, b.op(Prims.TRANSPOSE, x));
        if (ra == 1 && rb == 2 && !by) return b.op(this, x, y);
        return null;
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> t) {
        Var fromA = t.get(0) == null ? null : b.op(this, t.get(0), op.arg(1));
        Var fromB = t.get(1) == null ? null : b.op(this, op.arg(0), t.get(1));
        return b.add(fromA, fromB);
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        Var x = op.arg(0), y = op.arg(1);
        int ra = ((Type.Tensor) x.type()).rank(), rb = ((Type.Tensor) y.type()).rank();
        if (ra == 1 && rb == 1) return Arrays.asList(b.mul(cot, y), b.mul(cot, x));             // dot
        if (ra == 2 && rb == 1) return Arrays.asList(b.op(Prims.OUTER, cot, y), b.op(this, cot, x)); // A x
        if (ra == 1) return Arrays.asList(b.op(this, y, cot), b.op(Prims.OUTER, x, cot));          // xᵀ A
        return Arrays.asList(b.op(this, cot, b.op(Prims.TRANSPOSE, y)), b.op(this, b.op(Prims.TRANSPOSE, x), cot));
    }
}
