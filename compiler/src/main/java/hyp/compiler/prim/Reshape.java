package hyp.compiler.prim;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reshape(x, sizes...)} and {@code flatten(x)}: the entries of x in row-major order under a new shape
 * ({@code attr}, a list of one to four literal dimensions). Both shapes must be literal so the entry counts can be
 * compared, except that a batch may keep a symbolic leading axis (each row reshaped, as batching makes it). Linear:
 * its adjoint reshapes back to x's shape.
 */
final class Reshape implements LinearInFirst {
    /** The largest rank a reshape produces; the runtime has one method per rank. */
    static final int MAX_RANK = 4;

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (!(args.get(0) instanceof Type.Tensor x)) throw new ShapeError("reshape takes a tensor, not " + args.get(0));
        List<Dim> to = dims(attr);
        if (to.isEmpty() || to.size() > MAX_RANK) throw new ShapeError("reshape makes tensors of rank 1 to " + MAX_RANK);
        int keep = rowsKept(x, to);
        long from = count(x.dims().subList(keep, x.rank()), x), into = count(to.subList(keep, to.size()), new Type.Tensor(to));
        if (from != into) throw new ShapeError("reshape of " + x + " (" + from + " entries) to " + new Type.Tensor(to)
                + " (" + into + " entries)");
        return new Type.Tensor(to);
    }

    /** 1 when x and the target share a symbolic leading (batch) axis that each row is reshaped under, else 0. */
    private static int rowsKept(Type.Tensor x, List<Dim> to) {
        return x.rank() > 1 && to.size() > 1 && to.get(0).symbolic() && to.get(0).equals(x.dims().get(0)) ? 1 : 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Dim> dims(Object attr) throws ShapeError {
        if (!(attr instanceof List<?> l) || !l.stream().allMatch(d -> d instanceof Dim)) {
            throw new ShapeError("reshape needs its target shape");
        }
        return (List<Dim>) l;
    }

    private static long count(List<Dim> dims, Type.Tensor t) throws ShapeError {
        long n = 1;
        for (Dim d : dims) {
            if (d.symbolic()) {
                throw new ShapeError("reshape needs literal sizes to compare entry counts, but " + t + " has '" + d.name() + "'");
            }
            n *= d.size();
        }
        return n;
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        List<Integer> sizes = new ArrayList<>();
        List<?> to = (List<?>) attr;
        boolean rows = ((Dim) to.get(0)).symbolic();
        for (Object d : to.subList(rows ? 1 : 0, to.size())) sizes.add(((Dim) d).size());
        return new Emission.Call(rows ? Emission.ROWS : Emission.SHAPES, "reshape", sizes);
    }

    /** Each row reshaped: the batch axis in front of the per-row target shape. */
    @Override
    public Var batch(IrBuilder b, Node.Op op, List<Var> args, List<Boolean> batched) {
        List<Dim> to = new ArrayList<>();
        to.add(((Type.Tensor) args.get(0).type()).dims().get(0));
        to.addAll(((Type.Tensor) op.out().type()).dims());
        if (to.size() > MAX_RANK) return null;
        return b.op(this, to, args.get(0));
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.op(this, ((Type.Tensor) op.arg(0).type()).dims(), cot));
        return out;
    }
}
