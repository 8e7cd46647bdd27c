package hyp.compiler.prim;

import hyp.compiler.types.Dim;

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
}
