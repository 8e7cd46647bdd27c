package hyp.runtime.exact;

/**
 * γ = n/d checked for use by an {@link InformationBuffer}, with the renormalisation floors of both
 * radices precomputed so the per-element loops do no extra division. For radix r the buffer pushes
 * onto a head in [K, 2^32·K) and pops from a head in [K·r, 2^32·K·r), with K = ⌊2^31 / r⌋.
 */
record Radices(Rational gamma, long n, long d, long popFloorN, long pushFloorN, long popFloorD, long pushFloorD) {

    static Radices of(Rational gamma) {
        if (!gamma.isPositive()) {
            throw new IllegalArgumentException("InformationBuffer: γ must be > 0 for an exact multiply, got " + gamma);
        }
        long n = gamma.numerator();
        long d = gamma.denominator();
        if (n > InformationBuffer.MAX_RADIX || d > InformationBuffer.MAX_RADIX) {
            throw new IllegalArgumentException("InformationBuffer: γ = " + gamma
                    + " needs numerator and denominator at most 2^31");
        }
        return new Radices(gamma, n, d, popFloor(n), pushFloor(n), popFloor(d), pushFloor(d));
    }

    static long pushFloor(long radix) {
        return InformationBuffer.MAX_RADIX / radix;
    }

    static long popFloor(long radix) {
        return pushFloor(radix) * radix;
    }

    boolean isOne() {
        return n == d;
    }
}
