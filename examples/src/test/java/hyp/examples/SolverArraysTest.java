package hyp.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hyp.compiler.build.CompiledModel;
import hyp.compiler.build.ModelCompiler;
import hyp.runtime.Tensor;
import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.Hypergradient;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model compiled into a class folder (as the Maven plugin does) and bound to data given as plain arrays with a
 * shape: the same hypergradient as with tensors, the arrays copied, and a wrong count named.
 */
class SolverArraysTest {
    private static final String SOURCE = """
            data X: real[n, d]
            data y: real[n]
            param w: real[d] = 0
            hyper rho: real[d] = -2
            def train_loss(w, rho) = mean(softplus(-y * (X @ w))) + 0.5 * sum(exp(rho) * w^2)
            def valid_loss(w) = mean(softplus(-y * (X @ w)))
            train w on train_loss by adam(lr = 0.05) for 20 steps
            tune rho on valid_loss by adam(lr = 0.2) for 5 rounds using unrolled
            """;

    @TempDir
    Path dir;

    private Solver solver() throws Exception {
        Path file = dir.resolve("arrays.hyp");
        Files.writeString(file, SOURCE);
        CompiledModel model = ModelCompiler.compile(file);
        Path classes = dir.resolve("classes");
        model.writeClasses(classes);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return Solver.load(loader.loadClass(model.className()));
    }

    @Test
    void arraysWithAShapeBindLikeTensors() throws Exception {
        Random random = new Random(7);
        double[] x = new double[12 * 3], y = new double[12];
        for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian();
        for (int i = 0; i < y.length; i++) y[i] = random.nextBoolean() ? 1 : -1;
        Hypergradient fromTensors = solver().data("X", new Tensor(x.clone(), 12, 3)).data("y", new Tensor(y.clone(), 12))
                .hypergradient("unrolled");
        Solver s = solver().data("X", x, 12, 3).data("y", y, 12);
        x[0] = 1e6; // the solver holds a copy
        Hypergradient fromArrays = s.hypergradient("unrolled");
        assertEquals(fromTensors.value(), fromArrays.value());
        assertArrayEquals(fromTensors.gradient(), fromArrays.gradient());
        assertArrayEquals(new double[] {-1.5, -1.5, -1.5},
                solver().data("X", new double[6], 2, 3).data("y", new double[2], 2).hyper("rho", new double[] {-1.5, -1.5, -1.5}, 3).hyperVector());
    }

    @Test
    void aShapeThatDoesNotHoldTheNumbersIsNamed() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver().data("X", new double[14], 5, 3));
        assertEquals("data 'X': shape [5, 3] holds 15 numbers but 14 were given", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> solver().data("y", new double[2], -2));
        assertEquals("data 'y': shape [-2] has a negative size but 2 were given", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> solver().data("X", new double[6], 3, 2).data("y", new double[4], 4));
        assertEquals(true, e.getMessage().startsWith("data 'y' has shape [4] and data 'X', given before, has shape [3, 2]")
                && e.getMessage().contains("y is declared real[n], so it needs shape [3] to fit X"), e.getMessage());
    }
}
