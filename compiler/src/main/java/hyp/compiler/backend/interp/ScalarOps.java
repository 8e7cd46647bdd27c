package hyp.compiler.backend.interp;

import hyp.compiler.types.Type;

/**
 * The JVM operators of {@link hyp.compiler.prim.Emission.Infix}, {@code Prefix}, {@code Compare} and
 * {@code IntToReal} as kernels, written with the same Java operators the back ends emit so that results (NaN
 * comparisons, int division and overflow included) are identical.
 */
final class ScalarOps {
    private ScalarOps() {}

    static Kernel infix(String symbol, Type operands) {
        if (operands.isReal()) {
            switch (symbol) {
                case "+": return a -> (Double) a[0] + (Double) a[1];
                case "-": return a -> (Double) a[0] - (Double) a[1];
                case "*": return a -> (Double) a[0] * (Double) a[1];
                case "/": return a -> (Double) a[0] / (Double) a[1];
                default: break;
            }
        } else if (operands.isInt()) {
            switch (symbol) {
                case "+": return a -> (Integer) a[0] + (Integer) a[1];
                case "-": return a -> (Integer) a[0] - (Integer) a[1];
                case "*": return a -> (Integer) a[0] * (Integer) a[1];
                case "/": return a -> (Integer) a[0] / (Integer) a[1];
                default: break;
            }
        } else if (operands.isBool()) {
            // Both operands are already evaluated values, so & and | equal && and || here.
            switch (symbol) {
                case "&&": return a -> (Boolean) a[0] & (Boolean) a[1];
                case "||": return a -> (Boolean) a[0] | (Boolean) a[1];
                default: break;
            }
        }
        throw unsupported("infix " + symbol, operands);
    }

    static Kernel prefix(String symbol, Type operand) {
        if (symbol.equals("-") && operand.isReal()) return a -> -(Double) a[0];
        if (symbol.equals("-") && operand.isInt()) return a -> -(Integer) a[0];
        if (symbol.equals("!") && operand.isBool()) return a -> !(Boolean) a[0];
        throw unsupported("prefix " + symbol, operand);
    }

    /** Comparisons on unboxed values: with a NaN operand every comparison but != is false. */
    static Kernel compare(String symbol, Type operands) {
        if (operands.isReal()) {
            switch (symbol) {
                case "<": return a -> (double) (Double) a[0] < (Double) a[1];
                case "<=": return a -> (double) (Double) a[0] <= (Double) a[1];
                case ">": return a -> (double) (Double) a[0] > (Double) a[1];
                case ">=": return a -> (double) (Double) a[0] >= (Double) a[1];
                case "==": return a -> (double) (Double) a[0] == (Double) a[1];
                case "!=": return a -> (double) (Double) a[0] != (Double) a[1];
                default: break;
            }
        } else if (operands.isInt()) {
            switch (symbol) {
                case "<": return a -> (int) (Integer) a[0] < (Integer) a[1];
                case "<=": return a -> (int) (Integer) a[0] <= (Integer) a[1];
                case ">": return a -> (int) (Integer) a[0] > (Integer) a[1];
                case ">=": return a -> (int) (Integer) a[0] >= (Integer) a[1];
                case "==": return a -> (int) (Integer) a[0] == (Integer) a[1];
                case "!=": return a -> (int) (Integer) a[0] != (Integer) a[1];
                default: break;
            }
        } else if (operands.isBool()) {
            switch (symbol) {
                case "==": return a -> (boolean) (Boolean) a[0] == (Boolean) a[1];
                case "!=": return a -> (boolean) (Boolean) a[0] != (Boolean) a[1];
                default: break;
            }
        }
        throw unsupported("comparison " + symbol, operands);
    }

    static Kernel intToReal() {
        return a -> (double) (Integer) a[0];
    }

    private static IllegalStateException unsupported(String what, Type t) {
        return new IllegalStateException("the evaluator has no " + what + " on " + t);
    }
}
