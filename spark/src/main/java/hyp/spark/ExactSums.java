package hyp.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Per-partition sums combined exactly: every entry is kept as a {@link BigDecimal} (a double converts to one
 * without rounding, and their sums are exact), so the combined value is the same whatever order Spark merges the
 * partitions' results in (tasks finish in any order; treeAggregate's intermediate level groups them by a shuffle)
 * and is divided by the row count and rounded to double on the driver. Only each partition's own sum, computed by the generated code on
 * its rows, depends on the partitioning.
 */
final class ExactSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private BigDecimal[] entries;
    private long rows;

    /** The empty sum (treeAggregate's zero value; its length is taken from the first partition's result). */
    ExactSums() {}

    /** Adds {@code weight · values} and counts {@code rows} rows. */
    ExactSums add(double[] values, double weight, long rows) {
        if (entries == null) {
            entries = new BigDecimal[values.length];
            java.util.Arrays.fill(entries, BigDecimal.ZERO);
        } else if (entries.length != values.length) {
            throw new IllegalStateException("partial sums of " + values.length + " entries added to " + entries.length);
        }
        BigDecimal w = new BigDecimal(weight);
        for (int i = 0; i < values.length; i++) entries[i] = entries[i].add(new BigDecimal(values[i]).multiply(w));
        this.rows += rows;
        return this;
    }

    /** This sum plus {@code other} (treeAggregate's combine; modifies and returns this). */
    ExactSums merge(ExactSums other) {
        if (other.entries == null) return this;
        if (entries == null) {
            entries = other.entries.clone();
        } else {
            for (int i = 0; i < entries.length; i++) entries[i] = entries[i].add(other.entries[i]);
        }
        rows += other.rows;
        return this;
    }

    long rows() {
        return rows;
    }

    /** The sums divided by the row count (to 34 significant digits), each then rounded to the nearest double. */
    double[] mean() {
        if (entries == null || rows == 0) throw new IllegalStateException("no rows were summed");
        BigDecimal n = BigDecimal.valueOf(rows);
        double[] out = new double[entries.length];
        for (int i = 0; i < out.length; i++) out[i] = entries[i].divide(n, MathContext.DECIMAL128).doubleValue();
        return out;
    }
}
