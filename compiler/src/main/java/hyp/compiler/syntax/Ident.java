package hyp.compiler.syntax;

import hyp.compiler.diag.Span;

/** A name as written, with where it was written. */
public record Ident(String name, Span span) {}
