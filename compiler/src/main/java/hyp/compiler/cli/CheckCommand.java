package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.gradcheck.CheckTable;
import hyp.compiler.gradcheck.Comparison;
import hyp.compiler.gradcheck.DefCheck;
import hyp.compiler.gradcheck.DefReport;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    @picocli.CommandLine.Mixin
    TripLimit tripLimit;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
        PrintWriter out = spec.commandLine().getOut();
        int code = Main.OK;
        for (String file : files) {
            CheckedProgram program = LoadedProgram.check(Path.of(file));
            List<Function> defs = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            for (Function f : func != null ? List.of(Defs.lower(program, func)) : Pipeline.lower(program)) {
                String why = uncheckable(f);
                if (why == null) defs.add(f);
                else if (func != null) throw new UsageException(func + " cannot be checked: it " + why);
                else ignored.add(f.name() + " (" + why + ")");
            }
            if (files.size() > 1) out.println("== " + file);
            code = Math.max(code, check(defs, points, seed, out));
            if (!ignored.isEmpty()) out.println("not checked: " + String.join(", ", ignored));
            if (files.size() > 1) out.println();
        }
        out.flush();
        return code;
    }

    /** Checks each def, prints the table and a summary line; the exit code: 0 when every def passed, else 1. */
    static int check(List<Function> defs, int points, long seed, PrintWriter out) {
        List<DefReport> reports = new ArrayList<>();
        for (Function f : defs) reports.add(DefCheck.run(f, points, seed * 1_000_003L + f.name().hashCode()));
        if (!reports.isEmpty()) out.print(CheckTable.format(reports));
        long failed = reports.stream().filter(r -> !r.passed()).count();
        if (reports.isEmpty()) out.println("no def with real or tensor inputs and a real or tensor result");
        else if (failed == 0) out.println("all " + reports.size() + " def" + (reports.size() == 1 ? "" : "s") + " passed");
        else out.println(failed + " of " + reports.size() + " defs FAILED");
        return failed == 0 ? Main.OK : Main.CHECK_FAILED;
    }

    /** Why a def has no derivatives to check, or null if it has. */
    private static String uncheckable(Function f) {
        if (f.body().results().size() != 1 || !f.resultType().differentiable()) return "has no single real or tensor result";
        boolean inputs = false;
        for (Var p : f.params()) inputs |= p.type().differentiable();
        if (!inputs) return "has no real or tensor inputs";
        try {
            hyp.compiler.ad.Derivatives.adjoint(f);
        } catch (hyp.compiler.diag.CompileException e) {
            // e.g. the adjoint of a grad(...) taken inside a loop: a stated limitation, not a wrong derivative
            hyp.compiler.diag.Diagnostic d = e.diagnostics().get(0);
            return "has an adjoint that is " + d.message() + " (at " + d.span().line() + ":" + d.span().column() + ")";
        }
        return null;
    }
}
