package hyp.compiler.syntax;

import hyp.compiler.diag.Span;

/** Statements of block bodies. Reassignment is allowed; a name's first assignment binds it. */
public sealed interface Stmt {
    Span span();

    /** {@code x = e}; the parser turns {@code x += e} into {@code x = x + e}. */
    record Assign(Ident target, Expr value, Span span) implements Stmt {}

    /** {@code if c {..} else {..}}; {@code orElse} is null without else; else-if is an else block holding one If. */
    record If(Expr cond, Block then, Block orElse, Span span) implements Stmt {}

    record While(Expr cond, Block body, Span span) implements Stmt {}

    /** {@code for i in a..b {..}}: i runs over a, a+1, ..., b-1. */
    record For(Ident var, Expr from, Expr to, Block body, Span span) implements Stmt {}

    record Return(Expr value, Span span) implements Stmt {}
}
