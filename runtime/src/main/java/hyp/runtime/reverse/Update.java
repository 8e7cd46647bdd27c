package hyp.runtime.reverse;

import hyp.runtime.exact.Rational;

/**
 * One state update of a reversible optimizer step: {@code x ← γ·x + sign·f}, where x is state entry
 * {@code target} and f is the increment its group's function returns.
 *
 * @param target   the state entry updated (0 is the trained parameter)
 * @param name     the entry's name, for messages
 * @param gamma    the exact factor γ &gt; 0 (1 for a plain add)
 * @param sign     +1 or −1
 * @param implicit whether f reads x itself (through grad), so that the inverse has to solve for x
 */
public record Update(int target, String name, Rational gamma, int sign, boolean implicit) {
    public Update {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("Update " + name + ": sign must be +1 or -1, got " + sign);
        }
        if (!gamma.isPositive()) {
            throw new IllegalArgumentException("Update " + name + ": gamma must be positive, got " + gamma);
        }
    }

    /** Whether γ ≠ 1, so the update multiplies through the information buffer. */
    public boolean scales() {
        return gamma.numerator() != gamma.denominator();
    }

    /** Bits the information buffer grows by per element and step: log2(1/γ) (negative for γ &gt; 1). */
    public double bitsPerStep() {
        return (Math.log(gamma.denominator()) - Math.log(gamma.numerator())) / Math.log(2);
    }

    @Override
    public String toString() {
        String scale = scales() ? gamma + "·" + name : name;
        return name + " = " + scale + (sign > 0 ? " + " : " - ") + "f" + (implicit ? "(" + name + ")" : "");
    }
}
