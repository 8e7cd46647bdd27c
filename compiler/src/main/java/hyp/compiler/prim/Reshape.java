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
 * compared. Linear: its adjoint reshapes back to x's shape.
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
        long from = count(x.dims(), x), into = count(to, new Type.Tensor(to));
        if (from != into) throw new ShapeError("reshape of " + x + " (" + from + " entries) to " + new Type.Tensor(to)
                + " (" + into + " entries)");
        return new Type.Tensor(to);
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
        for (Object d : (List<?>) attr) sizes.add(((Dim) d).size());
        return new Emission.Call(Emission.SHAPES, "reshape", sizes);
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cot) {
        List<Var> out = new ArrayList<>();
        out.add(b.op(this, ((Type.Tensor) op.arg(0).type()).dims(), cot));
        return out;
    }
}
