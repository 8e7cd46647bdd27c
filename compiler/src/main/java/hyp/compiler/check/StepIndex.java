package hyp.compiler.check;

import hyp.compiler.syntax.Expr;

/** Index expressions of the form {@code t + c} in the step number t: a schedule read at each step. */
public final class StepIndex {
    private StepIndex() {}

    /** c when e is t, t + c, c + t or t − c for an integer literal c; else null. */
    public static Integer offset(Expr e) {
        if (e instanceof Expr.Name n) return n.name().equals("t") ? 0 : null;
        if (!(e instanceof Expr.Binary b)) return null;
        if (b.op() == Expr.BinaryOp.ADD) {
            if (isT(b.left()) && literal(b.right()) != null) return literal(b.right());
            if (isT(b.right()) && literal(b.left()) != null) return literal(b.left());
        }
        if (b.op() == Expr.BinaryOp.SUB && isT(b.left()) && literal(b.right()) != null) return -literal(b.right());
        return null;
    }

    private static boolean isT(Expr e) {
        return e instanceof Expr.Name n && n.name().equals("t");
    }

    private static Integer literal(Expr e) {
        if (e instanceof Expr.Num n && n.integer() && Math.abs(n.value()) < Integer.MAX_VALUE) return (int) n.value();
        return null;
    }
}
