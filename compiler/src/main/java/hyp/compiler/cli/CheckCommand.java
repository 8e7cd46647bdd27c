package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.UsageException;
import hyp.compiler.gradcheck.Comparison;
import hyp.compiler.gradcheck.ProgramCheck;
import hyp.compiler.ir.Function;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hyp check FILE.hyp... [FUNC] [--points N] [--seed S]}: checks the derivative code of every def with real
 * or tensor inputs and a real or tensor result (or of FUNC alone) at random points, against the complex step and
 * central differences; exit code 1 when an error exceeds its tolerance (see {@link Comparison}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks each def's derivative code at random points: adjoint (gradient) and tangent code "
                + "against the complex step, the adjoint against central differences, and Hessian-vector products "
                + "(tangent of the adjoint) against the complex step of the adjoint code. Prints the largest relative "
                + "error per def and comparison; exits with 1 if one exceeds its tolerance.",
                "Tolerances: adjoint and tangent vs complex step 1e-10; adjoint vs central differences 1e-5; "
                + "Hessian-vector vs complex step of the adjoint 1e-8. Symbolic dimensions get random sizes 1 to 4; "
                + "data, param and hyper inputs are random too. Central-difference steps across which the path "
                + "(branches, loop trips) or the side of a kink (abs, relu, max, min) changes are skipped and counted."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Mixin
    TripLimit tripLimit;

    @Mixin
    Streams io;

    @Parameters(arity = "1..*", paramLabel = "FILE.hyp [FUNC]",
            description = "one or more .hyp files, optionally followed by the one def to check")
    List<String> positional = new ArrayList<>();

    @Option(names = "--points", paramLabel = "N", defaultValue = "10", description = "random points per def (default: 10)")
    int points;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the random points (default: 1)")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (points < 1) throw new UsageException("--points must be at least 1, not " + points);
        List<String> files = new ArrayList<>(positional);
        String func = files.size() > 1 && !files.get(files.size() - 1).endsWith(".hyp") ? files.remove(files.size() - 1) : null;
        PrintWriter out = io.out();
        int code = Main.OK;
        for (String file : files) {
            CheckedProgram program = LoadedProgram.check(Path.of(file));
            ProgramCheck result;
            if (func == null) {
                result = ProgramCheck.run(program, points, seed);
            } else {
                Function f = Defs.lower(program, func);
                String why = ProgramCheck.uncheckable(f);
                if (why != null) throw new UsageException(func + " cannot be checked: it " + why);
                result = ProgramCheck.run(List.of(f), List.of(), points, seed);
            }
            List<String> ignored = result.ignored();
            if (files.size() > 1) out.println("== " + file);
            code = Math.max(code, print(result, out));
            if (!ignored.isEmpty()) out.println("not checked: " + String.join(", ", ignored));
            if (files.size() > 1) out.println();
        }
        out.flush();
        return code;
    }

    /** Checks each def, prints the table and a summary line; the exit code: 0 when every def passed, else 1. */
    static int check(List<Function> defs, int points, long seed, PrintWriter out) {
        return print(ProgramCheck.run(defs, List.of(), points, seed), out);
    }

    private static int print(ProgramCheck result, PrintWriter out) {
        out.print(result.table());
        return result.passed() ? Main.OK : Main.CHECK_FAILED;
    }
}
