package hyp.compiler.syntax;

import hyp.compiler.diag.Span;
import java.util.ArrayList;
import java.util.List;

/** Expressions. Every node keeps its span for error messages. */
public sealed interface Expr {
    Span span();

    /** The direct sub-expressions of e, in source order. */
    static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Unary u) out.add(u.operand());
        else if (e instanceof Binary b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Call c) {
            for (Arg a : c.args()) out.add(a.value());
        } else if (e instanceof Index ix) {
            out.add(ix.target());
            for (IndexArg a : ix.indices()) {
                if (a instanceof Point p) out.add(p.at());
                else if (a instanceof Slice s) {
                    if (s.from() != null) out.add(s.from());
                    if (s.to() != null) out.add(s.to());
                }
            }
        } else if (e instanceof TensorLit t) {
            out.addAll(t.elements());
        }
        return out;
    }

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
