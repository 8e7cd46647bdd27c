package hyp.compiler.backend.java;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import hyp.compiler.diag.Span;
import hyp.compiler.types.Type;

/** Java source for IR constants (exact: {@link Double#toString} round-trips) and for source positions in comments. */
final class Literals {
    private Literals() {}

    /** The literal for a constant; {@code null} ("no value yet") is 0.0, 0, false or a null reference. */
    static Expression of(Object value, Type type, ClassRefs refs) {
        if (value == null) {
            if (type.isReal()) return new DoubleLiteralExpr("0.0");
            if (type.isInt()) return new IntegerLiteralExpr("0");
            if (type.isBool()) return new BooleanLiteralExpr(false);
            return new NullLiteralExpr();
        }
        if (value instanceof Double d) return real(d, refs);
        if (value instanceof Integer i) {
            // -2147483648 is legal Java only as a negated literal, so negatives are written that way.
            String digits = Long.toString(Math.abs((long) i));
            Expression lit = new IntegerLiteralExpr(digits);
            return i < 0 ? new UnaryExpr(lit, UnaryExpr.Operator.MINUS) : lit;
        }
        if (value instanceof Boolean b) return new BooleanLiteralExpr(b);
        throw new IllegalStateException("no literal for " + value.getClass().getSimpleName() + " " + value);
    }

    private static Expression real(double d, ClassRefs refs) {
        if (Double.isNaN(d)) return new FieldAccessExpr(refs.expr("java.lang.Double"), "NaN");
        if (Double.isInfinite(d)) {
            return new FieldAccessExpr(refs.expr("java.lang.Double"), d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
        }
        // The sign bit test keeps -0.0 negative.
        boolean negative = Double.doubleToRawLongBits(d) < 0;
        Expression lit = new DoubleLiteralExpr(Double.toString(Math.abs(d)));
        return negative ? new UnaryExpr(lit, UnaryExpr.Operator.MINUS) : lit;
    }

    /** "file.hyp:line:col" for a comment, with only harmless characters from the file name. */
    static String location(Span span) {
        String file = fileName(span);
        return (file.isEmpty() ? "line " : file + ":") + span.line() + ":" + span.column();
    }

    /** The file's name without directories, keeping only characters javac cannot read as escapes; "" if none. */
    static String fileName(Span span) {
        String file = span.file() == null ? "" : span.file().name();
        file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return file.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
