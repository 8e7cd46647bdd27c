package hyp.compiler.reverse;

import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Span;
import hyp.compiler.syntax.Decl;

/** The compile error for a step that cannot run backwards: where, which statement, and why. */
final class NotInvertible {
    private final Decl.Optimizer optimizer;
    private final Decl.Train train;

    NotInvertible(Decl.Optimizer optimizer, Decl.Train train) {
        this.optimizer = optimizer;
        this.train = train;
    }

    /** An error at {@code where}: "the step of optimizer 'adam' cannot be inverted: {why}". */
    CompileException at(Span where, String why) {
        String used = train == null ? "" : " (trained by the statement at " + train.span().location() + ")";
        return CompileException.at(where, "the step of optimizer '" + optimizer.name().name()
                + "' cannot be inverted for reversible learning" + used + ": " + why);
    }

    /** "'text'" of a statement or expression, shortened for messages. */
    static String quote(Span span) {
        String t = span.text().trim();
        return "'" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
    }
}
