package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import hyp.runtime.kernels.Simd;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model compiled by the plugin, run from plain Java: with the Vector API flags and without (two surefire runs). */
class TuneLogregTest {
    private static final Path DATA = Path.of("src/main/hyp/data/logreg");

    @Test
    void runsOnTheKernelsTheJvmFlagsSelect() {
        assertEquals(Boolean.getBoolean("expect.vector"), Simd.enabled());
    }

    @Test
    void hypergradientAgreesWithCentralDifferences() throws Exception {
        Solver solver = TuneLogreg.solver(DATA);
        Hypergradient g = solver.hypergradient("unrolled");
        double[] rho = solver.hyperVector();
        double h = 1e-5;
        for (int k : new int[] {0, 7, 29}) {
            double[] up = rho.clone(), down = rho.clone();
            up[k] += h;
            down[k] -= h;
            double central = (solver.validationLoss(up) - solver.validationLoss(down)) / (2 * h);
            assertEquals(central, g.gradient()[k], 1e-7 + 1e-5 * Math.abs(central), "entry " + k);
        }
    }

    @Test
    void tuningLowersTheValidationLoss() throws Exception {
        Solver solver = TuneLogreg.solver(DATA);
        TuningResult tuned = solver.tune(TuningListener.NONE);
        double before = solver.validationLoss(solver.hyperVector()), after = solver.validationLoss(tuned.hyper());
        assertEquals(0.3976, before, 5e-4);
        // hyp tune examples/logreg.hyp reaches 0.272 on the same data
        assertEquals(0.272, after, 2e-3);
        assertTrue(after < before - 0.1);
    }
}
