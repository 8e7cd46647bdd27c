package hyp.spark;

import static hyp.spark.SparkFixture.csv;
import static hyp.spark.SparkFixture.relative;
import static hyp.spark.SparkFixture.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.Implicit;
import hyp.runtime.train.CompiledObjective;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The distributed training loss's value, gradient, Hessian-vector and mixed products, and the implicit
 * hypergradient built on them, against the single-machine solver on the same data: equal to 1e-12 relative for
 * every partition count from 1 to 8, and bit for bit from one run to the next.
 */
class DistributedLossTest {
    static final String LOGREG = "../examples/logreg.hyp";
    static final String KLR = "src/test/resources/models/klr_centres.hyp";

    /** A model with its data: the distributed solver over {@code partitions} slices and the single-machine one. */
    record Case(String hyp, Tensor x, Tensor y, Tensor xv, Tensor yv, Tensor centres) {
        SparkSolver distributed(int partitions) {
            SparkSolver s = SparkFixture.sparkSolver(hyp).data("Xv", xv).data("yv", yv);
            if (centres != null) s.data("C", centres);
            return s.rows(SparkFixture.rows(x, y, partitions), RowBinding.numbered("X", "x", x.shape[1]), RowBinding.of("y", "label"));
        }

        Solver local() {
            Solver s = SparkFixture.localSolver(hyp).data("X", x).data("y", y).data("Xv", xv).data("yv", yv);
            if (centres != null) s.data("C", centres);
            return s;
        }
    }

    static Case logreg(String hyp) {
        return new Case(hyp, csv("../examples/data/logreg/X.csv"), vector("../examples/data/logreg/y.csv"),
                csv("../examples/data/logreg/Xv.csv"), vector("../examples/data/logreg/yv.csv"), null);
    }

    static Case klr() {
        Tensor x = csv("../examples/data/circles/X.csv");
        double[] c = Arrays.copyOf(x.data, 20 * x.shape[1]);
        return new Case(KLR, x, vector("../examples/data/circles/y.csv"), csv("../examples/data/circles/Xv.csv"),
                vector("../examples/data/circles/yv.csv"), new Tensor(c, 20, x.shape[1]));
    }

    /** A generic point: not the start (where many entries vanish), not an optimum (where the gradient does). */
    static double[] point(int n, double scale, int salt) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = scale * Math.sin(1.7 * i + salt);
        return w;
    }

    @Test
    void logregDerivativesMatchTheSingleMachineForOneToEightPartitions() {
        derivativesMatch(logreg(LOGREG));
    }

    @Test
    void kernelDerivativesMatchTheSingleMachineForOneToEightPartitions() {
        derivativesMatch(klr());
    }

    private void derivativesMatch(Case c) {
        CompiledObjective local = c.local().objective();
        int p = local.paramSize();
        double[] hyper = c.local().hyperVector();
        double[] w = point(p, 0.3, 1), v = point(p, 1.0, 2), x = point(p, 1.0, 3);
        double[] g = new double[p], hv = new double[p], mixed = new double[hyper.length];
        double value = local.valueAndGradW(w, hyper, g);
        local.hessianVector(w, hyper, v, hv);
        local.mixedVjp(w, hyper, x, mixed);
        for (int partitions = 1; partitions <= 8; partitions++) {
            SparkSolver s = c.distributed(partitions);
            DistributedLoss f = s.loss();
            double[] dg = new double[p], dhv = new double[p], dmixed = new double[hyper.length];
            double dvalue = f.valueAndGradient(w, hyper, dg);
            f.hessianVector(w, hyper, v, dhv);
            f.mixedVjp(w, hyper, x, dmixed);
            String at = c.hyp() + " in " + partitions + " partitions: ";
            assertEquals(c.x().shape[0], f.rows(), at + "rows");
            assertEquals(value, dvalue, 1e-12 * Math.abs(value), at + "value");
            assertTrue(relative(dg, g) <= 1e-12, at + "gradient off by " + relative(dg, g));
            assertTrue(relative(dhv, hv) <= 1e-12, at + "Hessian-vector product off by " + relative(dhv, hv));
            assertTrue(relative(dmixed, mixed) <= 1e-12, at + "mixed product off by " + relative(dmixed, mixed));
            assertEquals(3, f.jobs(), at + "one job per product");
            double[] again = new double[p];
            assertEquals(dvalue, f.valueAndGradient(w, hyper, again), 0.0, at + "value run to run");
            assertArrayEquals(dg, again, 0.0, at + "gradient run to run");
            s.release();
        }
    }

    @Test
    void implicitHypergradientMatchesTheSingleMachineAtTheDistributedOptimum() {
        for (Case c : new Case[] {logreg(LOGREG), klr()}) {
            for (int partitions : new int[] {3}) {  // 1 to 8 partitions: the derivative tests above
                SparkSolver s = c.distributed(partitions);
                DistributedLoss f = s.loss();
                double[] hyper = s.hyperVector();
                Lbfgs.Result r = Lbfgs.minimize((w, g) -> f.valueAndGradient(w, hyper, g), s.startingParam(), 1e-9, 1000, 10);
                assertTrue(r.gradientNorm() <= 1e-9, c.hyp() + ": L-BFGS stopped at ‖∇‖ = " + r.gradientNorm());
                Hypergradient distributed = s.implicitAt(r.w(), hyper);
                Hypergradient local = new Implicit(new Implicit.Options(1e-10, 1000, 0)).compute(c.local().objective(), r.w(), hyper);
                double off = relative(distributed.gradient(), local.gradient());
                assertTrue(off <= 1e-12, c.hyp() + " in " + partitions + " partitions: hypergradient off by " + off);
                assertEquals(local.value(), distributed.value(), 0.0, "the validation loss is evaluated on the driver");
                s.release();
            }
        }
    }

    @Test
    void implicitHypergradientAgreesWithTheFilesOwnOptimizerRunToConvergence() {
        // The file's Adam run for 3000 steps reaches the optimum L-BFGS finds on the cluster; the implicit
        // hypergradients there agree as far as the two optima do.
        Case c = logreg(LOGREG);
        SparkSolver s = c.distributed(2);
        Hypergradient distributed = s.hypergradient();
        Hypergradient local = c.local().hypergradient("implicit", 3000);
        double off = relative(distributed.gradient(), local.gradient());
        assertTrue(off <= 1e-5, "implicit hypergradients off by " + off);
        assertTrue(distributed.work().hessianVectorProducts() > 0);
        s.release();
    }

    @Test
    void implicitTuningFollowsTheSameLoopOnOneMachine() {
        Case c = logreg(LOGREG);
        SparkSolver s = c.distributed(2);
        java.util.List<Double> losses = new java.util.ArrayList<>();
        hyp.runtime.hyper.TuningResult r = s.tune(2, new hyp.runtime.hyper.SgdUpdate(50.0), round -> losses.add(round.validationLoss()));
        // The same loop on one machine: L-BFGS from the last w, implicit hypergradient, λ ← λ − 50 ∇λ.
        CompiledObjective local = c.local().objective();
        double[] lambda = s.hyperVector(), w = s.startingParam();
        for (int round = 0; round < 2; round++) {
            double[] l = lambda.clone();
            w = Lbfgs.minimize((x, g) -> local.valueAndGradW(x, l, g), w, 1e-7, 500, 10).w();
            Hypergradient g = new Implicit(new Implicit.Options(1e-6, 1000, 0)).compute(local, w, lambda);
            assertEquals(g.value(), losses.get(round), 1e-9, "round " + round + " validation loss");
            for (int i = 0; i < lambda.length; i++) lambda[i] -= 50.0 * g.gradient()[i];
        }
        assertTrue(relative(r.hyper(), lambda) <= 1e-6, "tuned λ off by " + relative(r.hyper(), lambda));
        assertTrue(losses.get(1) < losses.get(0), "the first step lowers the validation loss: " + losses);
        s.release();
    }
}
