package hyp.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Node;
import hyp.compiler.prim.Prims;
import hyp.grammar.HypLexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the whole compiler: every example file is tokenized, then mutated by random token
 * deletions, insertions (of vocabulary tokens and of tokens from the file), swaps and replacements by a token of
 * the same kind. Each mutant is checked and lowered; an accepted one is compiled to bytecode with the adjoints of
 * its scalar defs, and those defs run at a few points. The only acceptable outcomes are success, a
 * {@link CompileException} whose diagnostics all point inside the file, or a failure the command line reports
 * with exit code 2 (a located limit, a run-time error naming its line, the loop trip guard). Anything else — an
 * internal error, a stack overflow, an exception escaping, a case that does not finish in time — is a bug.
 */
class FrontEndFuzzTest {
    private static final long SEED = Long.getLong("hyp.fuzz.seed", 0x5eed_4a11L);
    /** At least this many mutants per run; {@code -Dhyp.fuzz.cases=...} asks for a longer hunt. */
    private static final int MIN_CASES = Integer.getInteger("hyp.fuzz.cases", 10_000);
    /** Failures collected before giving up, so one run shows several distinct bugs. */
    private static final int MAX_REPORTED = 5;

    /** A token's text and the white space and comments before it, so mutants keep the file's line layout. */
    private record Piece(String gap, String text) {}

    @Test
    void mutantsOfTheExamplesFailOnlyWithDiagnosticsInsideTheFile() throws IOException {
        List<Path> files = exampleFiles();
        assertFalse(files.isEmpty(), "no .hyp files under ../examples");
        List<String> vocabulary = vocabulary();
        Random random = new Random(SEED);
        int perFile = (MIN_CASES + files.size() - 1) / files.size();
        int cases = 0, accepted = 0, rejected = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<Piece> pieces = tokenize(text);
            assertTrue(pieces.size() > 2, "too few tokens in " + file);
            // The unmutated file must itself compile: otherwise the mutants test nothing beyond the first error.
            assertTrue(outcome(file.getFileName().toString(), text) == null, "example " + file + " does not compile");
            for (int k = 0; k < perFile && failures.size() < MAX_REPORTED; k++) {
                // Every other mutant is mild (numbers and operators swapped for their own kind), so that many
                // pass the checker and the later stages (compile, fuse, run) see them too.
                String mutant = render(k % 2 == 0 ? mutate(pieces, vocabulary, random) : mild(pieces, random));
                cases++;
                String problem = outcome(file.getFileName() + "#" + k, mutant);
                if (problem == null) {
                    accepted++;
                } else if (problem.isEmpty()) {
                    rejected++;
                } else {
                    failures.add(problem + "\n--- mutant " + k + " of " + file.getFileName() + " ---\n" + mutant);
                }
            }
        }
        System.out.printf("program fuzz: %d mutants of %d files (%d accepted and run, %d rejected with diagnostics)%n",
                cases, files.size(), accepted, rejected);
        if (!failures.isEmpty()) fail(failures.size() + " mutant(s) broke hyp:\n\n" + String.join("\n\n", failures));
        assertTrue(cases >= MIN_CASES, "only " + cases + " cases ran");
        assertTrue(rejected > cases / 4, "many mutants should be rejected; rejected only " + rejected);
        assertTrue(accepted > cases / 10, "only " + accepted + " mutants were accepted, so the later stages were hardly exercised");
    }

    /**
     * Nesting is limited by memory, not by the thread stack: chains and blocks a few times deeper than a default
     * stack holds (about 1,500 terms, 2,000 parentheses, 750 nested ifs) compile.
     */
    @Test
    void deeplyNestedProgramsCompile() {
        String sum = "def f(x: real) = " + String.join(" + ", java.util.Collections.nCopies(5_000, "x"));
        List<Function> lowered = Pipeline.lower(Pipeline.check(new SourceFile("sum.hyp", sum)));
        long adds = lowered.get(0).body().nodes().stream()
                .filter(n -> n instanceof Node.Op op && op.prim() == Prims.ADD).count();
        assertEquals(4_999, adds);

        String parens = "def f(x: real) = " + "(".repeat(3_000) + "-x" + ")".repeat(3_000);
        String ifs = "def f(x: real) -> real {\n" + "if x > 0 {\n".repeat(1_000) + "x = x - 1\n"
                + "}\n".repeat(1_000) + "return x\n}\n";
        for (String deep : List.of(parens, ifs)) {
            assertEquals(1, Pipeline.lower(Pipeline.check(new SourceFile("deep.hyp", deep))).size());
        }
    }

    /** A mutant that takes longer than this (checking, compiling and running it) counts as a hang. */
    private static final long CASE_SECONDS = Long.getLong("hyp.fuzz.caseSeconds", 20);
    /** The trip guard while mutants run, so a loop made endless by a mutation ends quickly (and is reported). */
    private static final long FUZZ_TRIPS = 10_000;
    private static final java.util.concurrent.atomic.AtomicInteger CLASSES = new java.util.concurrent.atomic.AtomicInteger();
    private static java.util.concurrent.ExecutorService runner = newRunner();

    private static java.util.concurrent.ExecutorService newRunner() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(null, task, "fuzz-case", 256L << 20);
            t.setDaemon(true); // a hung case is abandoned, never waited for
            return t;
        });
    }

    /**
     * Runs a mutant through every stage on a thread of its own, with a time limit: null when the program is
     * accepted (and its small defs ran), "" when it is rejected properly, otherwise what went wrong.
     */
    private static String outcome(String name, String text) {
        SourceFile source = new SourceFile(name, text);
        java.util.concurrent.Future<String> running = runner.submit(() -> stages(source));
        try {
            return running.get(CASE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            running.cancel(true);
            runner = newRunner();
            return "hung: no outcome within " + CASE_SECONDS + " s";
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            return "the case runner failed: " + e;
        }
    }

    /**
     * Check and lower; then compile every def to bytecode (element-wise fusion included) with the adjoints of
     * the scalar ones, and run those defs and adjoints at a few points. A failure while compiling or running must
     * be what the command line reports with exit code 2 (a located error, a limit, a run-time error naming its
     * line), never an internal error (exit 3) or a trace.
     */
    private static String stages(SourceFile source) {
        CheckedProgram checked;
        List<Function> lowered;
        try {
            checked = Pipeline.check(source);
            lowered = Pipeline.lower(checked);
        } catch (CompileException e) {
            return diagnosticsProblem(source, e);
        } catch (Throwable t) {
            return "threw " + trace(t);
        }
        try {
            run(checked, lowered);
            return null;
        } catch (CompileException e) {
            String problem = diagnosticsProblem(source, e);
            return problem.isEmpty() ? null : problem;
        } catch (Throwable t) {
            java.io.StringWriter message = new java.io.StringWriter();
            int code = hyp.compiler.cli.Main.reportError(t, new java.io.PrintWriter(message, true));
            if (code == 2 && !message.toString().contains("\tat ")) return null;
            return "past the front end, exit " + code + " (" + message.toString().trim() + "): " + trace(t);
        }
    }

    private static void run(CheckedProgram checked, List<Function> lowered) {
        List<Function> scalar = lowered.stream().filter(FrontEndFuzzTest::scalarInputs).toList();
        List<Function> compiled = new ArrayList<>(lowered);
        List<Function> adjoints = new ArrayList<>();
        for (Function f : scalar) {
            if (f.params().stream().anyMatch(p -> p.type().isReal()) && f.body().results().size() == 1
                    && f.body().results().get(0).type().isReal()) {
                adjoints.add(Pipeline.derive(checked, () -> hyp.compiler.lower.Derivatives.adjoint(f)));
            }
        }
        compiled.addAll(adjoints);
        String name = "hyp.generated.Fuzz" + CLASSES.incrementAndGet();
        byte[] bytes = hyp.compiler.backend.bytecode.BytecodeBackend.compile(name, compiled);
        Class<?> c = new hyp.compiler.backend.bytecode.GeneratedClassLoader(FrontEndFuzzTest.class.getClassLoader())
                .define(name, bytes);
        long before = hyp.runtime.ops.LoopTrips.limit();
        hyp.runtime.ops.LoopTrips.setLimit(FUZZ_TRIPS);
        try {
            for (double x : new double[] {-1.5, 0.5, 3.0}) {
                for (Function f : scalar) hyp.compiler.backend.bytecode.Invoker.call(c, f.name(), args(f, x, false));
                for (Function a : adjoints) hyp.compiler.backend.bytecode.Invoker.call(c, a.name(), args(a, x, true));
            }
        } finally {
            hyp.runtime.ops.LoopTrips.setLimit(before);
        }
    }

    /** Defs whose inputs are all real, int or bool scalars can run without data. */
    private static boolean scalarInputs(Function f) {
        return f.params().stream().allMatch(p -> p.type().isReal() || p.type().isInt() || p.type().isBool());
    }

    /** x for reals (the adjoint's trailing seed is 1), 2 for ints, true for bools. */
    private static Object[] args(Function f, double x, boolean adjoint) {
        Object[] out = new Object[f.params().size()];
        for (int i = 0; i < out.length; i++) {
            var t = f.params().get(i).type();
            out[i] = adjoint && i == out.length - 1 ? (Object) 1.0 : t.isReal() ? (Object) x : t.isInt() ? (Object) 2 : (Object) Boolean.TRUE;
        }
        return out;
    }

    private static String trace(Throwable t) {
        java.io.StringWriter trace = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    private static String diagnosticsProblem(SourceFile source, CompileException e) {
        if (e.diagnostics().isEmpty()) return "CompileException without diagnostics";
        List<String> lines = source.lines();
        for (Diagnostic d : e.diagnostics()) {
            if (!d.span().file().name().equals(source.name())) {
                return "diagnostic in " + d.span().file().name() + ", not in the file compiled: " + d.render();
            }
            int line = d.span().line(), column = d.span().column();
            boolean inside = lines.isEmpty() ? line == 1 && column == 1
                    : line >= 1 && line <= lines.size() && column >= 1 && column <= lines.get(line - 1).length() + 1;
            if (!inside) return "diagnostic outside the file at " + line + ":" + column + ": " + d.message();
            if (d.message() == null || d.message().isBlank()) return "diagnostic without a message at " + line + ":" + column;
            String rendered = d.render();
            if (!rendered.contains(d.message())) return "rendering lost the message: " + rendered;
        }
        return "";
    }

    private static List<Path> exampleFiles() throws IOException {
        Path root = Path.of("..", "examples");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".hyp") && Files.isRegularFile(p))
                    .filter(p -> !inBuildOutput(root.relativize(p)))
                    .sorted().toList();
        }
    }

    /** Build folders (target, target-*) may hold copies of the examples. */
    private static boolean inBuildOutput(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith("target")) return true;
        }
        return false;
    }

    private static List<Piece> tokenize(String text) {
        HypLexer lexer = new HypLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Piece> out = new ArrayList<>();
        int end = 0;
        for (Token t : lexer.getAllTokens()) {
            out.add(new Piece(text.substring(end, t.getStartIndex()), t.getText()));
            end = t.getStopIndex() + 1;
        }
        out.add(new Piece(text.substring(end), ""));
        return out;
    }

    /** Literal tokens of the grammar plus samples of the token classes (names, numbers, a stray character). */
    private static List<String> vocabulary() {
        List<String> out = new ArrayList<>();
        Vocabulary v = HypLexer.VOCABULARY;
        for (int type = 1; type <= v.getMaxTokenType(); type++) {
            String literal = v.getLiteralName(type);
            if (literal != null) out.add(literal.substring(1, literal.length() - 1));
        }
        out.addAll(List.of("0", "1", "2", "7", "2147483648", "0.5", "1e-3", "1e400", "x", "w", "n", "d", "g", "t",
                "exp", "sum", "max", "zeros", "fill", "grad", "mean", "$", "?"));
        return out;
    }

    /**
     * One to three edits: delete a token, insert one (vocabulary or from the file), swap two, or replace one by
     * a token of its own kind (a name by a name, an operator by an operator), which keeps most mutants
     * parseable so that the checker and lowering see them too.
     */
    private static List<Piece> mutate(List<Piece> original, List<String> vocabulary, Random random) {
        List<Piece> p = new ArrayList<>(original);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int tokens = p.size() - 1; // the last piece is the trailing gap
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (tokens > 1) {
                        int i = random.nextInt(tokens);
                        p.set(i, new Piece(p.get(i).gap(), ""));
                    }
                }
                case 1 -> p.add(random.nextInt(tokens + 1), new Piece(" ", vocabulary.get(random.nextInt(vocabulary.size()))));
                case 2 -> p.add(random.nextInt(tokens + 1), new Piece(" ", original.get(random.nextInt(original.size() - 1)).text()));
                case 3 -> {
                    int i = random.nextInt(tokens);
                    p.set(i, new Piece(p.get(i).gap(), sameKind(p.get(i).text(), original, vocabulary, random)));
                }
                default -> {
                    int i = random.nextInt(tokens), j = random.nextInt(tokens);
                    if (random.nextBoolean()) j = Math.min(tokens - 1, i + 1); // neighbours most often
                    Piece a = p.get(i), b = p.get(j);
                    p.set(i, new Piece(a.gap(), b.text()));
                    p.set(j, new Piece(b.gap(), a.text()));
                }
            }
        }
        return p;
    }

    private static final List<String> NUMBERS = List.of("0", "1", "2", "3", "6", "10", "100000", "2147483647",
            "0.0", "0.5", "1e-300", "1e300", "1.5");
    private static final List<String> ARITHMETIC = List.of("+", "-", "*", "/", "^");
    private static final List<String> COMPARISON = List.of("<", ">", "<=", ">=", "==", "!=");

    /** One to three edits that keep the program's shape: a number by another, an operator by one of its group. */
    private static List<Piece> mild(List<Piece> original, Random random) {
        List<Piece> p = new ArrayList<>(original);
        for (int e = 0, edits = 1 + random.nextInt(3); e < edits; e++) {
            for (int tries = 0; tries < 20; tries++) {
                int i = random.nextInt(p.size() - 1);
                String t = p.get(i).text();
                List<String> pool = !t.isEmpty() && Character.isDigit(t.charAt(0)) ? NUMBERS
                        : ARITHMETIC.contains(t) ? ARITHMETIC : COMPARISON.contains(t) ? COMPARISON : null;
                if (pool == null) continue;
                p.set(i, new Piece(p.get(i).gap(), pool.get(random.nextInt(pool.size()))));
                break;
            }
        }
        return p;
    }

    /** A random token of the same kind as {@code text}: names, numbers and symbols each stay what they are. */
    private static String sameKind(String text, List<Piece> original, List<String> vocabulary, Random random) {
        List<String> pool = new ArrayList<>();
        for (Piece piece : original) pool.add(piece.text());
        pool.addAll(vocabulary);
        for (int tries = 0; tries < 50; tries++) {
            String candidate = pool.get(random.nextInt(pool.size()));
            if (!candidate.isEmpty() && kind(candidate) == kind(text)) return candidate;
        }
        return text;
    }

    private static int kind(String text) {
        if (text.isEmpty()) return 0;
        char c = text.charAt(0);
        return Character.isLetter(c) || c == '_' ? 1 : Character.isDigit(c) ? 2 : 3;
    }

    private static String render(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) out.append(piece.gap()).append(piece.text());
        return out.toString();
    }
}
