package hyp.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad HYP_THREADS fails every command with exit 2 and a message, never an initializer error or "hyp: null". */
class ThreadsEnvironmentTest {
    @Test
    void badValuesExitTwoWithTheRange(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.hyp");
        Files.writeString(file, "def f(x: real) = x^2\n");
        for (String value : new String[] {"0", "abc", "1000000"}) {
            Result r = run(dir, value, "eval", file.toString(), "f", "--at", "x=2");
            assertEquals(2, r.code, value + ": " + r.err);
            assertTrue(r.err.contains("hyp: HYP_THREADS must be an integer from 1 to 32767")
                    && r.err.contains("got '" + value + "'"), r.err);
            assertTrue(!r.err.contains("Exception") && !r.err.contains("\tat "), r.err);
        }
        Result ok = run(dir, "2", "eval", file.toString(), "f", "--at", "x=2");
        assertEquals(0, ok.code, ok.err);
    }

    private record Result(int code, String err) {}

    private static Result run(Path dir, String threads, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("HYP_THREADS", threads);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("hyp did not finish");
        }
        return new Result(p.exitValue(), err);
    }
}
