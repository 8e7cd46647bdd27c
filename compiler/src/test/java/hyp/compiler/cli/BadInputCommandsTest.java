package hyp.compiler.cli;

import static hyp.compiler.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.CliRun.Result;
import hyp.runtime.ops.LoopTrips;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a hostile user's inputs: each case is a mistake that once gave a silent wrong result, a
 * stack trace, an internal error or a hang, and must now give a clear message and exit code 2.
 */
class BadInputCommandsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Exit 2 with a message containing every fragment, and no stack trace. */
    private static void rejected(Result r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "'" + f + "' not in: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @SuppressWarnings("unchecked")
    private static double initialLoss(Result r) {
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(r.out().trim());
        return (Double) ((Map<String, Object>) json.get("initial")).get("loss");
    }

    private Path dataProgram() throws IOException {
        write("y.csv", "1\n2\n");
        return write("d.hyp", """
                data y: real[n] from "y.csv"
                param w: real = 0
                def loss() = sum((w - y)^2)
                train w on loss by sgd(lr = 0.1) for 1 steps
                """);
    }

    @Test
    void atOnADataReplacesItsFileWithShapeChecks() throws IOException {
        Path file = dataProgram();
        assertEquals(1 + 4, initialLoss(run("train", file.toString(), "--json")), 0.0);
        assertEquals(9 + 16 + 25, initialLoss(run("train", file.toString(), "--json", "--at", "y=[3, 4, 5]")), 0.0);
        rejected(run("train", file.toString(), "--at", "y=[[1, 2]]"), "'y' must be real[n]");
        rejected(run("train", file.toString(), "--at", "y=[1]", "--data", "y=" + dir.resolve("y.csv")),
                "'y' is given twice: by --at y=... and by --data y=...");
    }

    @Test
    void aRepeatedOrNonFiniteAtIsAnError() throws IOException {
        Path file = write("f.hyp", "def f(x: real) = 2 * x\n");
        rejected(run("eval", file.toString(), "f", "--at", "x=1", "--at", "x=2"), "--at x is given twice ('x=1' and 'x=2')");
        rejected(run("eval", file.toString(), "f", "--at", "x=1e400"), "'1e400' is not a finite number");
        rejected(run("eval", file.toString(), "f", "--at", "x=NaN"), "'NaN' is not a finite number");
        assertEquals("4.0", run("eval", file.toString(), "f", "--at", "x=2").out().trim());
    }

    private Path divergingProgram() throws IOException {
        return write("div.hyp", """
                param w: real[2] = 1
                hyper r: real = 0
                def train_loss(w, r) = sum(w^4) + exp(r) * sum(w^2)
                def valid_loss(w) = sum(w^2)
                optimizer gd(lr = 0.001) {
                    step { w = w - lr * grad(w) }
                }
                train w on train_loss by gd(lr = 50) for 60 steps
                tune r on valid_loss by adam(lr = 0.1) for 2 rounds using reversible
                """);
    }

    @Test
    void fracBitsWhereTheMethodDoesNotUseThemIsAnError() throws IOException {
        Path file = divergingProgram();
        rejected(run("hypergrad", file.toString(), "--method", "unrolled", "--frac-bits", "20"),
                "--frac-bits sets the fixed point of --method reversible; --method unrolled does not use it");
        rejected(run("hypergrad", file.toString(), "--method", "reversible:30", "--frac-bits", "20"),
                "--frac-bits and --method reversible:30 both set the fractional bits; give them once");
        rejected(run("hypergrad", file.toString(), "--method", "binomial:0"),
                "binomial takes a number of stored states >= 1, e.g. binomial:8");
        rejected(run("chain", file.toString(), "--method", "float", "--frac-bits", "20"),
                "--method float does not use it");
    }

    @Test
    void aDivergingReversibleOrExactRunIsNamedAtTheTrainStatement() throws IOException {
        Path file = divergingProgram();
        rejected(run("hypergrad", file.toString(), "--method", "reversible"),
                "div.hyp:8:1: 'train w on train_loss by gd(lr = 50) for 60 steps': the reversible hypergradient failed",
                "the run diverges");
        rejected(run("chain", file.toString()), "div.hyp:8:1:", "the exact chain failed");
    }

    @Test
    void aSecondTrainStatementIsALocatedError() throws IOException {
        Path file = write("two.hyp", """
                param w: real = 0
                def loss() = (w - 1)^2
                train w on loss by sgd(lr = 0.1) for 1 steps
                train w on loss by sgd(lr = 0.5) for 9 steps
                """);
        rejected(run("train", file.toString()), "two.hyp:4:1: error: a second train statement; a file has one (the first is at line 3)");
    }

    @Test
    void constantOutOfRangeIndicesAndSlicesAreLocatedErrors() throws IOException {
        Map<String, String> cases = Map.of(
                "sum(x[4:10])", "1:25: error: slice 4:10 ends at 10, past the axis of size 6",
                "sum(x[5:2])", "1:25: error: slice 5:2 ends before it starts",
                "x[6]", "1:21: error: index 6 is out of range of size 6");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = write("ix.hyp", "def f(x: real[6]) = " + c.getKey() + "\n");
            rejected(run("eval", file.toString(), "f", "--at", "x=[1, 2, 3, 4, 5, 6]"), "ix.hyp:" + c.getValue());
        }
    }

    @Test
    void sourceFilesThatAreNotPlainUtf8TextAreHandled() throws IOException {
        Path bom = dir.resolve("bom.hyp");
        Files.write(bom, ("\uFEFF" + "def f(x: real) = x + 1\n").getBytes(StandardCharsets.UTF_8));
        Result ok = run("eval", bom.toString(), "f", "--at", "x=1");
        assertEquals(0, ok.code(), ok.err());
        assertEquals("2.0", ok.out().trim());

        Path bad = dir.resolve("bad.hyp");
        Files.write(bad, new byte[] {'d', 'e', 'f', ' ', 'f', '(', ')', ' ', '=', ' ', '1', '\n', '#', ' ', (byte) 0xff, '\n'});
        rejected(run("eval", bad.toString(), "f"), "bad.hyp:2:3: error: byte 0xFF at offset 14 is not UTF-8");

        rejected(run("eval", dir.toString(), "f"), dir + ": is a directory, not a .hyp file");
    }

    @Test
    void anEndlessWhileStopsAtTheTripLimitNamingTheLoop() throws IOException {
        Path def = write("loop.hyp", """
                def f(x: real) -> real {
                    while x > 0 {
                        x = x + 1
                    }
                    return x
                }
                """);
        rejected(run("eval", def.toString(), "f", "--at", "x=1", "--max-trips", "1000"),
                "loop.hyp:2:5: this while loop ran more than 1000 trips", "--max-trips N");
        rejected(run("eval", def.toString(), "f", "--at", "x=1", "--grad", "--max-trips", "1000"), "loop.hyp:2:5:");
        assertEquals(LoopTrips.DEFAULT_LIMIT, LoopTrips.limit(), "a run's --max-trips must not outlive it");
        Result ends = run("eval", def.toString(), "f", "--at", "x=-1", "--max-trips", "1");
        assertEquals(0, ends.code(), ends.err());

        Path step = write("step.hyp", """
                param w: real = 1
                def loss() = w^2
                optimizer stuck(lr = 0.1) {
                    step {
                        k = 1
                        while k > 0 { k = k + 1 }
                        w = w - lr * grad(w) + 0 * k
                    }
                }
                train w on loss by stuck for 3 steps
                """);
        rejected(run("train", step.toString(), "--max-trips", "500"), "step.hyp:6:9: this while loop ran more than 500 trips");
        rejected(run("eval", def.toString(), "f", "--max-trips", "0"), "--max-trips must be >= 1");
    }

    @Test
    void aDefTooLargeForOneJvmMethodIsALocatedLimit() throws IOException {
        StringBuilder sum = new StringBuilder("def small(x: real) = x\ndef f(x: real) = x");
        for (int i = 1; i < 4096; i++) sum.append(" + ").append(i).append(" * x");
        Path file = write("sum.hyp", sum + "\n");
        rejected(run("eval", file.toString(), "f", "--at", "x=1"),
                "sum.hyp:2:5: def f: limit: function f is too large for one JVM method", "split the def");
    }

    @Test
    void exponentialInliningStopsWithALocatedLimit() throws IOException {
        StringBuilder text = new StringBuilder("def g0(x: real) = x * x + 1\n");
        for (int i = 1; i < 40; i++) text.append("def g").append(i).append("(x: real) = g").append(i - 1)
                .append("(x) + g").append(i - 1).append("(x + 1)\n");
        Path file = write("expo.hyp", text.toString());
        rejected(run("eval", file.toString(), "g39", "--at", "x=0.5"), "expo.hyp:2:27: error: limit: inlining 'g0' here makes the code larger than");
    }

    @Test
    void resourceExhaustionIsAMessageThatSaysWhatToDo() {
        StringWriter err = new StringWriter();
        assertEquals(2, Main.reportError(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("out of memory"), err.toString());
        assertTrue(err.toString().contains("--method tree"), err.toString());
        assertTrue(err.toString().contains("-Xmx"), err.toString());
        StringWriter deep = new StringWriter();
        assertEquals(2, Main.reportError(new StackOverflowError(), new PrintWriter(deep, true)));
        assertTrue(deep.toString().contains("nests too deeply"), deep.toString());
        StringWriter other = new StringWriter();
        assertEquals(3, Main.reportError(new AssertionError("x"), new PrintWriter(other, true)));
    }

    @Test
    void anEmptyReductionInGeneratedCodeNamesTheLine() throws IOException {
        Path file = write("lse.hyp", "def g(x: real) = x\n\ndef f(x: real) = logsumexp(zeros(0)) + x\n");
        rejected(run("eval", file.toString(), "f", "--at", "x=1"), "lse.hyp:3: max of an empty tensor");
    }

    @Test
    void aBadReportDirectoryFailsBeforeTheRun() throws IOException {
        Path file = divergingProgram(); // diverges: the directory must be refused before that is found
        Path blocker = write("blocker", "not a directory");
        rejected(run("tune", file.toString(), "--report", blocker.toString()), "is a file, not a directory");
        rejected(run("chain", file.toString(), "--report", blocker.resolve("sub").toString()), "is not a directory");
    }

    @Test
    void aReportIsWrittenAsOneSetAndLeftoversOfAKilledRunAreRemoved() throws IOException {
        Path file = write("q.hyp", """
                param w: real = 0
                hyper r: real = 0
                def train_loss(w, r) = (w - 1)^2 + exp(r) * w^2
                def valid_loss(w) = (w - 1)^2
                train w on train_loss by sgd(lr = 0.1) for 4 steps
                tune r on valid_loss by adam(lr = 0.1) for 2 rounds using unrolled
                """);
        Path report = dir.resolve("out/report");
        Files.createDirectories(report);
        Files.writeString(report.resolve(".history.json.123.abc.tmp"), "stale");
        Files.createDirectories(dir.resolve("out/.report.99.abc.part"));
        Files.writeString(report.resolve("history.json"), "old");
        Result r = run("tune", file.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> in = Files.list(report)) {
            assertEquals(List.of("history.json", "hyper.png", "loss.png"),
                    in.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> in = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("report"), in.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.readString(report.resolve("history.json")).contains("\"history\""));

        // A directory with files of its own is written into file by file, and its other files are kept.
        Path shared = dir.resolve("shared");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("notes.txt"), "mine");
        assertEquals(0, run("tune", file.toString(), "--report", shared.toString()).code());
        assertEquals("mine", Files.readString(shared.resolve("notes.txt")));
        assertTrue(Files.exists(shared.resolve("loss.png")));
    }

    @Test
    void dotCreatesMissingDirectories() throws IOException {
        Path file = write("g.hyp", "def f(x: real) = x * x\n");
        Path dot = dir.resolve("a/b/f.dot");
        Result r = run("graph", file.toString(), "f", "--dot", dot.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dot).startsWith("digraph"), Files.readString(dot));
    }

    @Test
    void unknownMethodsListEveryMethod() throws IOException {
        Path file = divergingProgram();
        rejected(run("hypergrad", file.toString(), "--method", "magic"),
                "implicit", "complex", "reversible", "unrolled", "tree", "binomial:S", "numerical");
    }
}
