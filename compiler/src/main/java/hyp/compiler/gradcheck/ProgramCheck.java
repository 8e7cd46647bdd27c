package hyp.compiler.gradcheck;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import hyp.compiler.lower.Derivatives;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code hyp check} does to the defs of a file, for the command and build tools alike: each def with real or
 * tensor inputs and a real or tensor result is checked by {@link DefCheck}; the others are listed with the reason.
 *
 * @param reports one per checked def, in order
 * @param ignored the defs not checked, each as {@code name (why)}
 */
public record ProgramCheck(List<DefReport> reports, List<String> ignored) {
    /** Checks every def of {@code program} at {@code points} random points per def, seeded by {@code seed}. */
    public static ProgramCheck run(CheckedProgram program, int points, long seed) {
        List<Function> defs = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Function f : Pipeline.lower(program)) {
            String why = uncheckable(f);
            if (why == null) defs.add(f);
            else ignored.add(f.name() + " (" + why + ")");
        }
        return run(defs, ignored, points, seed);
    }

    /** Checks {@code defs}, each of which must be checkable. */
    public static ProgramCheck run(List<Function> defs, List<String> ignored, int points, long seed) {
        List<DefReport> reports = new ArrayList<>();
        for (Function f : defs) reports.add(DefCheck.run(f, points, seed * 1_000_003L + f.name().hashCode()));
        return new ProgramCheck(List.copyOf(reports), List.copyOf(ignored));
    }

    /** Whether every checked def is within its tolerances. */
    public boolean passed() {
        return reports.stream().allMatch(DefReport::passed);
    }

    /** The table of the largest relative error per def and comparison, and a summary line. */
    public String table() {
        StringBuilder out = new StringBuilder();
        if (!reports.isEmpty()) out.append(CheckTable.format(reports));
        long failed = reports.stream().filter(r -> !r.passed()).count();
        if (reports.isEmpty()) out.append("no def with real or tensor inputs and a real or tensor result\n");
        else if (failed == 0) out.append("all ").append(reports.size()).append(" def").append(reports.size() == 1 ? "" : "s").append(" passed\n");
        else out.append(failed).append(" of ").append(reports.size()).append(" defs FAILED\n");
        return out.toString();
    }

    /** Why a def has no derivatives to check, or null if it has. */
    public static String uncheckable(Function f) {
        if (f.body().results().size() != 1 || !f.resultType().differentiable()) return "has no single real or tensor result";
        boolean inputs = false;
        for (Var p : f.params()) inputs |= p.type().differentiable();
        if (!inputs) return "has no real or tensor inputs";
        try {
            Derivatives.adjoint(f);
        } catch (CompileException e) {
            // e.g. the adjoint of a grad(...) taken inside a loop: a stated limitation, not a wrong derivative
            Diagnostic d = e.diagnostics().get(0);
            return "has an adjoint that is " + d.message() + " (at " + d.span().line() + ":" + d.span().column() + ")";
        }
        return null;
    }
}
