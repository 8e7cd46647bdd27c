package hyp.compiler.cli;

import static hyp.compiler.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.CliRun.Result;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on IDX data (images and one-hot labels written here) trained in minibatches: the hypergradient
 * agrees with central differences, implicit says what it computes, and bad batches and bad files exit 2 with the
 * place in the .hyp file.
 */
class MinibatchCommandTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            data X: real[n, 4] from "train-images-idx3-ubyte"
            data Y: real[n, 3] from "train-labels-idx1-ubyte" as onehot
            data Xv: real[m, 1, 2, 2] from "valid-images-idx3-ubyte"
            data Yv: real[m, 3] from "valid-labels-idx1-ubyte" as onehot
            param W: real[4, 3] = 0
            hyper rho: real[4] = -1

            def train_loss(W, rho) -> real {
                s = 0.0
                for i in 0..n { z = X[i] @ W; s = s + logsumexp(z) - Y[i] @ z }
                return s / n + 0.5 * sum(exp(rho) * sum(transpose(W)^2))
            }
            def valid_loss(W) -> real {
                s = 0.0
                for i in 0..m { z = reshape(Xv[i], 4) @ W; s = s + logsumexp(z) - Yv[i] @ z }
                return s / m
            }
            train W on train_loss by momentum(lr = 0.5) for 3 epochs batch 4 seed 9
            tune rho on valid_loss by adam(lr = 0.1) for 3 rounds
            """;

    private static byte[] idx(int[] dims, int[] entries) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + entries.length);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        for (int e : entries) b.put((byte) e);
        return b.array();
    }

    /** rows images of 2 x 2 pixels whose class (0, 1, 2) is the brightest of the first three pixels, plus noise. */
    private void set(String prefix, int rows, int seed) throws IOException {
        java.util.Random r = new java.util.Random(seed);
        int[] px = new int[rows * 4], labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = r.nextInt(3);
            for (int j = 0; j < 4; j++) px[4 * i + j] = r.nextInt(120) + (j == labels[i] ? 130 : 0);
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), idx(new int[] {rows, 2, 2}, px));
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), idx(new int[] {rows}, labels));
    }

    @BeforeEach
    void data() throws IOException {
        set("train", 10, 1);
        set("valid", 6, 2);
    }

    private Path program(String text) throws IOException {
        Path p = dir.resolve("m.hyp");
        Files.writeString(p, text);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rho(String json) {
        return (List<Object>) ((Map<String, Object>) ((Map<String, Object>) JsonReader.parse(json.trim())).get("hypergradient")).get("rho");
    }

    @Test
    void theHypergradientThroughMinibatchesOnIdxDataMatchesCentralDifferences() throws IOException {
        Path file = program(PROGRAM);
        Result unrolled = run("hypergrad", file.toString(), "--json");
        assertEquals(0, unrolled.code(), unrolled.err());
        assertTrue(unrolled.out().contains("\"steps\": 9"), "3 epochs of batches 4, 4, 2: " + unrolled.out());
        Result numerical = run("hypergrad", file.toString(), "--method", "numerical", "--json");
        assertEquals(0, numerical.code(), numerical.err());
        List<Object> a = rho(unrolled.out()), b = rho(numerical.out());
        double scale = 0;
        for (Object v : a) scale = Math.max(scale, Math.abs((Double) v));
        assertTrue(scale > 1e-6, "a hypergradient that is not zero");
        for (int i = 0; i < a.size(); i++) assertEquals((Double) b.get(i), (Double) a.get(i), 1e-6 * scale, "rho[" + i + "]");

        Result implicit = run("hypergrad", file.toString(), "--method", "implicit");
        assertEquals(0, implicit.code(), implicit.err());
        assertTrue(implicit.out().contains("note: implicit uses the full training set's gradient and Hessian"), implicit.out());
        Result train = run("train", file.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("9 steps"), train.out());
    }

    /** A model jar reads the same IDX files (one-hot labels included) and runs the same batches. */
    @Test
    void aModelJarReadsTheIdxFilesAndRunsTheSameBatches() throws Exception {
        Path file = program(PROGRAM);
        Result cli = run("hypergrad", file.toString(), "--json");
        assertEquals(0, cli.code(), cli.err());
        Path jar = dir.resolve("m.jar");
        Result compiled = run("compile", file.toString(), "-o", jar.toString());
        assertEquals(0, compiled.code(), compiled.err());
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                MinibatchCommandTest.class.getClassLoader())) {
            hyp.runtime.embed.Solver solver = hyp.runtime.embed.Solver.load(loader.loadClass("hyp.generated.M")).dataDirectory(dir);
            assertEquals(9, solver.steps());
            double[] g = solver.hypergradient("unrolled").gradient();
            List<Object> expected = rho(cli.out());
            for (int i = 0; i < g.length; i++) assertEquals((Double) expected.get(i), g[i], 1e-12, "rho[" + i + "]");
        }
    }

    private String fails(String text) throws IOException {
        Result r = run("train", program(text).toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        return r.err();
    }

    @Test
    void badBatchesAreLocatedErrors() throws IOException {
        String zero = fails(PROGRAM.replace("batch 4 seed 9", "batch 0 seed 9"));
        assertTrue(zero.contains("m.hyp:18:") && zero.contains("the batch size must be a positive integer literal"), zero);
        String large = fails(PROGRAM.replace("batch 4 seed 9", "batch 11 seed 9"));
        assertTrue(large.contains("m.hyp:18:") && large.contains("batch 11 is larger than the training set: data 'X' has 10 rows"),
                large);
        String seed = fails(PROGRAM.replace("seed 9", "seed 1.5"));
        assertTrue(seed.contains("m.hyp:18:") && seed.contains("the shuffle seed must be an integer literal"), seed);
        String unbatchable = fails(PROGRAM.replace("param W: real[4, 3] = 0", "param W: real[4, 3] = 0\nhyper u: real[n] = 0")
                .replace("return s / n +", "return s / n + sum(u) +"));
        assertTrue(unbatchable.contains("hyper 'u' read by 'train_loss' has 'n' at axis 0 and cannot follow the rows"), unbatchable);
    }

    @Test
    void idxFilesThatDoNotFitOrAreBrokenAreLocatedErrors() throws IOException {
        String shape = fails(PROGRAM.replace("data X: real[n, 4]", "data X: real[n, 5]").replace("param W: real[4, 3]", "param W: real[5, 3]")
                .replace("reshape(Xv[i], 4) @ W", "reshape(Xv[i], 4) @ W[0:4, :]"));
        assertTrue(shape.contains("m.hyp:1:") && shape.contains("train-images-idx3-ubyte: the IDX header's dimensions [10, 2, 2] do not "
                + "fit the declaration data X: real[n, 5]"), shape);
        byte[] whole = Files.readAllBytes(dir.resolve("train-labels-idx1-ubyte"));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), java.util.Arrays.copyOf(whole, whole.length - 3));
        String truncated = fails(PROGRAM);
        assertTrue(truncated.contains("m.hyp:2:") && truncated.contains("truncated IDX data: the header [10] needs 10 bytes"), truncated);
    }
}
