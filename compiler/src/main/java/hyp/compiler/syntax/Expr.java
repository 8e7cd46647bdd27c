package hyp.compiler.syntax;

import hyp.compiler.diag.Span;
import java.util.List;

/** Expressions. Every node keeps its span for error messages. */
public sealed interface Expr {
    Span span();

    /** A number literal; {@code integer} when written without a point or exponent. */
    record Num(double value, boolean integer, Span span) implements Expr {}

    record Bool(boolean value, Span span) implements Expr {}

    record Name(String name, Span span) implements Expr {}

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

    /** {@code f(a, b, name = c)}: built-ins, defs and derivative operators alike. */
    record Call(Ident callee, List<Arg> args, Span span) implements Expr {}

    record Arg(Ident name, Expr value, Span span) {}

    /** {@code x[i]}, {@code X[i, :]}, {@code x[a:b]}. */
    record Index(Expr target, List<IndexArg> indices, Span span) implements Expr {}

    sealed interface IndexArg {
        Span span();
    }

    record Point(Expr at, Span span) implements IndexArg {}

    /** {@code from:to}; either end may be null (start, end of the axis). */
    record Slice(Expr from, Expr to, Span span) implements IndexArg {}

    /** {@code [a, b, c]}, nested for matrices. */
    record TensorLit(List<Expr> elements, Span span) implements Expr {}

    enum UnaryOp { NEG, PLUS, NOT }

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MATMUL("@"), POW("^"),
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="), AND("and"), OR("or");

        public final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public boolean comparison() {
            return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
        }

        public boolean logical() {
            return this == AND || this == OR;
        }
    }
}
