package hyp.compiler.prim;

import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Which indexing form an {@code x[...]} takes: one entry of a vector or matrix, a row (or sub-tensor), a column,
 * or a slice of the first axis; {@code sliceDim} names the slice's length in the result type.
 */
public record IndexSpec(Form form, Dim sliceDim) {
    public enum Form {
        GET1("get", "scatterGet"), GET2("get", "scatterGet"), ROW("row", "scatterRow"),
        COL("col", "scatterCol"), SLICE("slice", "scatterSlice");

        final String read;
        final String scatter;

        Form(String read, String scatter) {
            this.read = read;
            this.scatter = scatter;
        }

        /** How many int arguments follow the tensor. */
        public int ints() {
            return this == GET2 || this == SLICE ? 2 : 1;
        }
    }

    /** The type of the part of a tensor of type x that this form reads. */
    public Type partType(Type.Tensor x) throws ShapeError {
        List<Dim> d = x.dims();
        switch (form) {
            case GET1:
                if (x.rank() != 1) throw new ShapeError("x[i] needs a vector; use X[i, j] for " + x);
                return Type.REAL;
            case GET2:
                if (x.rank() != 2) throw new ShapeError("X[i, j] needs a matrix, not " + x);
                return Type.REAL;
            case ROW:
                if (x.rank() < 2) throw new ShapeError("X[i] as a row needs a matrix, not " + x);
                return new Type.Tensor(d.subList(1, d.size()));
            case COL:
                if (x.rank() != 2) throw new ShapeError("X[:, j] needs a matrix, not " + x);
                return Type.tensor(d.get(0));
            default:
                List<Dim> dims = new ArrayList<>(d);
                dims.set(0, sliceDim);
                return new Type.Tensor(dims);
        }
    }
}
