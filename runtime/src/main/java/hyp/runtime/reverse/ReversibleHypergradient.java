package hyp.runtime.reverse;

import hyp.runtime.exact.FixedPointFormat;
import hyp.runtime.hyper.Hypergradient;

/**
 * A {@link Reversible} run: the hypergradient, and what the exact arithmetic cost in memory.
 *
 * @param hypergradient   value, gradient, memory (the buffer and corrections, in bytes) and work
 * @param formats         the fixed-point format of each memory entry
 * @param activeSteps     steps that updated the state (fewer than T when the until rule froze it)
 * @param parameterSize   elements of the trained parameter, the "per element" of the bit counts
 * @param bufferBits      bits the information buffers held after the forward sweep (their peak)
 * @param predictedBits   activeSteps · Σ_updates size·log2(1/γ): what the buffers should hold
 * @param bufferBytes     bytes the buffers had allocated at their peak
 * @param corrections     peak number of implicit-update corrections held
 * @param correctionBytes bytes of those corrections
 * @param storeAllBytes   what store-all keeps for the same run: T states of doubles
 * @param inverseSteps    inverse steps taken
 * @param searchEvaluations increment evaluations spent finding implicit increments
 */
public record ReversibleHypergradient(Hypergradient hypergradient, FixedPointFormat[] formats, int activeSteps,
                                      int parameterSize, long bufferBits, double predictedBits, long bufferBytes,
                                      int corrections, long correctionBytes, long storeAllBytes, long inverseSteps,
                                      long searchEvaluations) {
    /** Buffer bits per element of the trained parameter and per active step. */
    public double bitsPerElementPerStep() {
        return activeSteps == 0 ? 0 : (double) bufferBits / parameterSize / activeSteps;
    }

    /** The same prediction: Σ_k log2(1/γ_k) over updates, weighted by their size relative to the parameter's. */
    public double predictedBitsPerElementPerStep() {
        return activeSteps == 0 ? 0 : predictedBits / parameterSize / activeSteps;
    }

    /** Bytes this run kept for the reverse sweep (buffers and corrections) over store-all's bytes. */
    public double memoryRatio() {
        return storeAllBytes == 0 ? 0 : (double) (bufferBytes + correctionBytes) / storeAllBytes;
    }
}
