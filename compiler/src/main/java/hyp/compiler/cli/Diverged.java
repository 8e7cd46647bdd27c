package hyp.compiler.cli;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.UsageException;
import hyp.compiler.syntax.Decl;
import java.util.List;

/**
 * An optimizer run whose numbers left the representable range (an overflowing fixed-point state, a non-finite
 * double where fixed-point ranges are chosen): a user-facing message located at the train statement that ran,
 * naming what to change, instead of a raw {@link ArithmeticException} or the runtime's non-finite-value error.
 */
final class Diverged {
    private Diverged() {}

    static UsageException at(CheckedProgram program, String what, RuntimeException e) {
        List<Decl.Train> trains = program.program().all(Decl.Train.class);
        String where = trains.isEmpty() ? program.program().source().name()
                : trains.get(0).span().location() + ": '" + firstLine(trains.get(0).span().text()) + "'";
        return new UsageException(where + ": " + what + " failed: " + e.getMessage()
                + " (the run diverges: lower the learning rate or the number of steps, or give --frac-bits D)");
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
