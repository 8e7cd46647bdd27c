package hyp.compiler.backend.java;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

/** The Java operators behind the symbols of {@link hyp.compiler.prim.Emission}. */
final class Operators {
    private Operators() {}

    static BinaryExpr.Operator infix(String symbol) {
        return switch (symbol) {
            case "+" -> BinaryExpr.Operator.PLUS;
            case "-" -> BinaryExpr.Operator.MINUS;
            case "*" -> BinaryExpr.Operator.MULTIPLY;
            case "/" -> BinaryExpr.Operator.DIVIDE;
            // Operands are already-computed locals, so short-circuiting changes nothing.
            case "&&" -> BinaryExpr.Operator.AND;
            case "||" -> BinaryExpr.Operator.OR;
            default -> throw new IllegalStateException("no Java operator " + symbol);
        };
    }

    /** Java's comparisons: with a NaN operand all are false except {@code !=}, as the contract requires. */
    static BinaryExpr.Operator compare(String symbol) {
        return switch (symbol) {
            case "<" -> BinaryExpr.Operator.LESS;
            case "<=" -> BinaryExpr.Operator.LESS_EQUALS;
            case ">" -> BinaryExpr.Operator.GREATER;
            case ">=" -> BinaryExpr.Operator.GREATER_EQUALS;
            case "==" -> BinaryExpr.Operator.EQUALS;
            case "!=" -> BinaryExpr.Operator.NOT_EQUALS;
            default -> throw new IllegalStateException("no Java comparison " + symbol);
        };
    }

    static UnaryExpr.Operator prefix(String symbol) {
        return switch (symbol) {
            case "-" -> UnaryExpr.Operator.MINUS;
            case "!" -> UnaryExpr.Operator.LOGICAL_COMPLEMENT;
            default -> throw new IllegalStateException("no Java prefix operator " + symbol);
        };
    }
}
