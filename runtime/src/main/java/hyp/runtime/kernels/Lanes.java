package hyp.runtime.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The vector shape every kernel uses, and an order-fixed horizontal sum. */
final class Lanes {
    /** The widest double vector the CPU supports (e.g. 4 lanes on AVX2, 8 on AVX-512). */
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Number of doubles per vector. */
    static final int L = S.length();

    private Lanes() {
    }

    /**
     * Sums the lanes left to right. {@code reduceLanes(ADD)} leaves the order to the implementation,
     * which could differ between interpreted and compiled code; kernels must be reproducible.
     */
    static double sum(DoubleVector v) {
        // lane(i) with i constant after unrolling extracts without the array toArray() allocates.
        double s = 0.0;
        for (int i = 0; i < L; i++) {
            s += v.lane(i);
        }
        return s;
    }
}
