package hyp.spark;

import hyp.runtime.embed.Solver;
import hyp.runtime.train.CompiledObjective;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One partition's rows, as one value per row-bound data declaration (first dimension = the rows), and what the
 * generated code computes on them. The training loss L_p on a block is the .hyp file's own loss with the data
 * bound to these rows (so its row dimension is the block's row count n_p); the partition returns n_p · L_p and
 * the same multiple of its derivatives, and the driver divides the exact sum by N. That is the whole loss when
 * it is a mean over rows plus terms that do not read the rows (a penalty): Σ_p n_p (D_p / n_p + P) = D + N·P.
 * {@link LossShape} checks that form before any job runs.
 */
final class RowBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final int rows;
    private final Map<String, Values> data;
    /** The objective on all the block's rows, built once per executor while the block stays cached. */
    private transient CompiledObjective objective;

    RowBlock(int partition, int rows, Map<String, Values> data) {
        this.partition = partition;
        this.rows = rows;
        this.data = data;
    }

    Map<String, Values> data() {
        return data;
    }

    /** The request's result on this block's rows, weighted by their count, added to {@code sums}. */
    ExactSums evaluate(ModelContext context, Request r, ExactSums sums) {
        CompiledObjective f;
        int count = rows;
        if (r.batch() == null) {
            if (objective == null) objective = objective(context, data);
            f = objective;
        } else {
            int[] local = localRows(r.batch(), r.firstRows()[partition]);
            if (local.length == 0) return sums;
            Map<String, Values> picked = new LinkedHashMap<>();
            data.forEach((name, v) -> picked.put(name, v.rows(local)));
            f = objective(context, picked);
            count = local.length;
        }
        if (count == 0) return sums;
        double[] out;
        switch (r.kind()) {
            case VALUE_GRADIENT -> {
                out = new double[1 + r.w().length];
                double[] g = new double[r.w().length];
                out[0] = f.valueAndGradW(r.w(), r.hyper(), g);
                System.arraycopy(g, 0, out, 1, g.length);
            }
            case HESSIAN_VECTOR -> {
                out = new double[r.w().length];
                f.hessianVector(r.w(), r.hyper(), r.v(), out);
            }
            case MIXED -> {
                out = new double[r.hyper().length];
                f.mixedVjp(r.w(), r.hyper(), r.v(), out);
            }
            default -> throw new IllegalStateException(r.kind().name());
        }
        return sums.add(out, count, count);
    }

    /** The entries of the ascending global rows {@code batch} that fall in this block, as local row numbers. */
    private int[] localRows(int[] batch, long first) {
        int from = lowerBound(batch, first), to = lowerBound(batch, first + rows);
        int[] local = Arrays.copyOfRange(batch, from, to);
        for (int k = 0; k < local.length; k++) local[k] -= (int) first;
        return local;
    }

    private static int lowerBound(int[] a, long key) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    static CompiledObjective objective(ModelContext context, Map<String, Values> rows) {
        Solver s = context.solver();
        rows.forEach((name, v) -> s.data(name, v.tensor()));
        return s.objective();
    }
}
