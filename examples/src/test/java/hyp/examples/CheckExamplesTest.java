package hyp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.compiler.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code hyp check examples/*.hyp} passes: every def of every bundled example has adjoint, tangent and
 * Hessian-vector code that agree with the complex step and central differences at random points. This test is
 * what makes the README's claim hold in CI (mvn verify runs it).
 */
class CheckExamplesTest {
    @Test
    void everyExamplePassesHypCheck() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(Examples.folder())) {
            files = s.filter(p -> p.toString().endsWith(".hyp")).map(Path::toString).sorted().toList();
        }
        assertTrue(files.size() >= 3, "examples found: " + files);
        String[] args = Stream.concat(Stream.of("check"), Stream.concat(files.stream(), Stream.of("--points", "4"))).toArray(String[]::new);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        String report = out.toString();
        assertEquals(Main.OK, code, report + err);
        assertFalse(report.contains("FAILED") || report.contains("not measured"), report);
        for (String f : files) assertTrue(report.contains("== " + f), f + " checked:\n" + report);
        // every table row measured all four points
        long rows = report.lines().filter(l -> l.matches(".* (adjoint|tangent|Hessian-vector) .*")).count();
        long measured = report.lines().filter(l -> l.matches(".*\\s4\\s+\\S+\\s+\\S+\\s+ok$")).count();
        assertTrue(rows >= 4 * files.size(), report);
        assertEquals(rows, measured, report);
    }
}
