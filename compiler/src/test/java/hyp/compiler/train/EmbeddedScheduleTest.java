package hyp.compiler.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.Pipeline;
import hyp.compiler.cli.Main;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.testing.LogregProblem;
import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A per-step schedule and a tuned initial scale carried by a {@code hyp compile} jar: the embedded solver's
 * hypergradients (unrolled and reversible) against the complex step, whole-run tuning, the run-time check of a
 * schedule sized at run time, and implicit tuning refused.
 */
class EmbeddedScheduleTest {
    private static final int STEPS = 40;
    private static final String SOURCE = LogregProblem.DECLARATIONS + """
            hyper sched: real[k] = -2
            hyper logscale: real = 0
            train w from exp(logscale) * w on train_loss by momentum(lr = exp(sched[t - 1]), beta = 0.9) for 40 steps
            tune sched, logscale on valid_loss by adam(lr = 0.05) for 3 rounds using reversible
            """;

    @Test
    void theJarCarriesSchedulesAndStarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sched.hyp");
        Files.writeString(file, SOURCE);
        Path jar = dir.resolve("sched.jar");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"compile", file.toString(), "-o", jar.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)), err.toString());

        Map<String, Object> values = LogregProblem.data(3, 12, 8, 4);
        double[] sched = new double[STEPS];
        for (int k = 0; k < STEPS; k++) sched[k] = Math.log(0.2) + 0.3 * Math.sin(k);
        values.put("sched", new Tensor(sched, STEPS));
        values.put("logscale", Math.log(0.5));
        values.put("w", new Tensor(new double[] {0.9, -1.3, 0.4, 2.1}, 4));
        Hypergradient complex = ComplexStepHypergradient.of(HypergradientProgram.compile(
                Pipeline.check(new SourceFile("sched.hyp", SOURCE)))).compute(values, STEPS);

        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, EmbeddedScheduleTest.class.getClassLoader());
        Solver solver = Solver.load(loader.loadClass("hyp.generated.Sched"));
        for (String name : List.of("X", "y", "Xv", "yv")) solver.data(name, (Tensor) values.get(name));
        solver.param("w", (Tensor) values.get("w")).hyper("sched", (Tensor) values.get("sched"))
                .hyper("logscale", Math.log(0.5)).hyper("rho", (Tensor) values.get("rho"));
        assertEquals(List.of("sched", "logscale"), solver.runHypers());

        double scale = 0;
        for (double g : complex.gradient()) scale = Math.max(scale, Math.abs(g));
        assertTrue(scale > 1e-3, "the schedule and the start should matter: " + scale);
        for (String method : List.of("unrolled", "reversible")) {
            Hypergradient g = solver.hypergradient(method);
            assertEquals(complex.value(), g.value(), 1e-12, method + " value");
            for (int i = 0; i < g.gradient().length; i++) {
                assertEquals(complex.gradient()[i], g.gradient()[i], 1e-10 * scale, method + " entry " + i);
            }
        }

        // Each round trains all 40 steps from the start: the first round's hypergradient is the whole run's.
        TuningResult r = solver.tune(TuningListener.NONE);
        assertEquals(complex.value(), r.rounds().get(0).validationLoss(), 1e-12);
        assertTrue(solver.validationLoss(r.hyper()) < complex.value(), "tuning should lower L_te");

        solver.hyper("sched", new Tensor(java.util.Arrays.copyOf(sched, 30), 30));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.hypergradient("unrolled"));
        assertTrue(e.getMessage().contains("'sched[t - 1]' is read at t = 1 … 40") && e.getMessage().contains("has 30 entries")
                && e.getMessage().contains("sched.hyp:"), e.getMessage());
    }
}
