package hyp.compiler.prim;

import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link RowPass} computes per row of its matrix X: {@code body} over the op's arguments after X, where
 * argument k < {@code dots} stands for the row's dot product with that vector (one element of X u_k) and every
 * later argument is a vector with one element per row, or a real. The body's value at a row is that row's weight in
 * the result Xᵀ r.
 */
public record RowPassBody(int dots, FusedBody body) {
    public RowPassBody {
        if (dots < 1) throw new IllegalArgumentException("a row pass needs a row dot");
    }

    /** The body's argument types as the element loop sees them: the row dots as vectors like the row vectors. */
    public List<Type> bodyTypes(List<Type> opArgs) {
        List<Type> out = new ArrayList<>();
        Type rowVector = Type.tensor(((Type.Tensor) opArgs.get(0)).dims().get(0));
        for (int k = 1; k < opArgs.size(); k++) out.add(k <= dots ? rowVector : opArgs.get(k));
        return out;
    }

    @Override
    public String toString() {
        return "rows[" + dots + " dots; " + body + "]";
    }
}
