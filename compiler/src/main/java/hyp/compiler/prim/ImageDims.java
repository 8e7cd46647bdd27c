package hyp.compiler.prim;

import hyp.compiler.types.Dim;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * Shape arithmetic for the image primitives. Their result sizes are sums and differences of argument sizes, which
 * a type can only state when the sizes involved are literal; channel and filter counts may stay symbolic.
 */
final class ImageDims {
    private ImageDims() {}

    /** {@code t} as a tensor of the given rank, or a shape error naming the operation and what it takes. */
    static Type.Tensor ranked(String op, Type t, int rank, String what) throws ShapeError {
        if (!(t instanceof Type.Tensor x) || x.rank() != rank) {
            throw new ShapeError(op + " takes " + what + ", not " + t);
        }
        return x;
    }

    /**
     * {@code t} as one image real[c, h, w] or a batch of them real[b, c, h, w] (made by batching a per-example
     * def); {@link #offset} gives where the image axes start.
     */
    static Type.Tensor images(String op, Type t, String what) throws ShapeError {
        if (!(t instanceof Type.Tensor x) || x.rank() < 3 || x.rank() > 4) {
            throw new ShapeError(op + " takes " + what + ", not " + t);
        }
        return x;
    }

    /** 1 for a batch of images, 0 for one image. */
    static int offset(Type.Tensor images) {
        return images.rank() - 3;
    }

    /** An image result c×h×w, with the batch axis of {@code like} in front when it is a batch. */
    static Type.Tensor result(Type.Tensor like, Dim c, Dim h, Dim w) {
        return offset(like) == 1 ? Type.tensor(like.dims().get(0), c, h, w) : Type.tensor(c, h, w);
    }

    /** The size of axis {@code axis} of t, which must be a literal. */
    static int literal(String op, Type.Tensor t, int axis) throws ShapeError {
        Dim d = t.dims().get(axis);
        if (d.symbolic()) {
            throw new ShapeError(op + " needs literal heights and widths to size its result, but " + t + " has '"
                    + d.name() + "'; declare the sizes as numbers, e.g. real[1, 28, 28]");
        }
        return d.size();
    }

    /** Both dimensions are the same (both the same name, or the same literal). */
    static void same(String op, String what, Dim a, Dim b) throws ShapeError {
        if (!a.equals(b)) throw new ShapeError(op + ": " + what + " " + a + " and " + b + " differ");
    }

    /** A positive literal size, or a shape error saying the kernel does not fit. */
    static Dim positive(String op, int size, List<?> shapes) throws ShapeError {
        if (size < 1) throw new ShapeError(op + ": the kernel does not fit the image in " + shapes);
        return Dim.of(size);
    }
}
