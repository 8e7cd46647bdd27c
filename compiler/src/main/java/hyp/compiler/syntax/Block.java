package hyp.compiler.syntax;

import hyp.compiler.diag.Span;
import java.util.List;

/** Statements between braces. */
public record Block(List<Stmt> stmts, Span span) {}
