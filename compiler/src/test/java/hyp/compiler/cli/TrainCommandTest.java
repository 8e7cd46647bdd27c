package hyp.compiler.cli;

import static hyp.compiler.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hyp train: the train statement's run from the declared start, several params at once, the loss-like defs at the
 * start and at the end, and --auc for a classifier whose ranking is known by construction.
 */
class TrainCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json, String key) {
        return (Map<String, Object>) ((Map<String, Object>) json).get(key);
    }

    @Test
    void trainsSeveralParamsAndReportsTheLossesBeforeAndAfter() throws IOException {
        // loss = (a - 3)^2 + |b - [1, 2]|^2 + lam c^2: gradient descent with lr 0.25 halves each distance per step
        Path file = write("q.hyp", """
                param a: real = 0
                param b: real[2] = 0
                param c: real = 1
                hyper lam: real = 1
                def loss() = (a - 3)^2 + sum((b - [1, 2])^2) + lam * c^2
                train a, b, c on loss by sgd(lr = 0.25) for 10 steps
                """);
        Result r = run("train", file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Object json = JsonReader.parse(r.out().trim());
        assertEquals(9.0 + 5.0 + 1.0, (Double) map(json, "initial").get("loss"), 1e-12);
        double left = Math.pow(0.5, 10);
        assertEquals(left * left * (9 + 5 + 1), (Double) map(json, "trained").get("loss"), 1e-12);
        Result text = run("train", file.toString(), "--steps", "3", "--at", "lam=0");
        assertTrue(text.out().contains("train a, b, c on loss by sgd: 3 steps"), text.out());
        Result bad = run("train", write("none.hyp", "def f(x: real) = x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("no train statement"), bad.err());
    }

    @Test
    void aucOfAClassifierWithAKnownRanking() throws IOException {
        // scores s·y + (1 − s)·(1 − y) rank every example of its class first for s = 1 and last for s = 0
        write("X.csv", "1,0,0\n0,1,0\n0,0,1\n1,0,0\n0,1,0\n");
        write("L.csv", "0\n1\n2\n0\n1\n");
        Path file = write("c.hyp", """
                data X: real[n, 3] from "X.csv"
                data L: real[n] from "L.csv"
                param s: real = 1
                def scores(x: real[3]) -> real[3] { return s * x + (1 - s) * (1 - x) }
                def loss() = (s - 0.5)^2
                train s on loss by sgd(lr = 0.5) for 1 steps
                """);
        Result r = run("train", file.toString(), "--auc", "scores:X:L", "--json");
        assertEquals(0, r.code(), r.err());
        Object json = JsonReader.parse(r.out().trim());
        String label = "1-AUC scores(X) vs L";
        assertEquals(0.0, (Double) map(json, "initial").get(label), 0.0, "s = 1 ranks perfectly");
        assertEquals(0.5, (Double) map(json, "trained").get(label), 0.0, "s = 0.5 ties everything");
        Result reversed = run("train", file.toString(), "--auc", "scores:X:L", "--json", "--at", "s=0", "--steps", "0");
        assertEquals(1.0, (Double) map(JsonReader.parse(reversed.out().trim()), "initial").get(label), 0.0);
        Result wrong = run("train", file.toString(), "--auc", "loss:X:L");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("must take one example"), wrong.err());
    }
}
