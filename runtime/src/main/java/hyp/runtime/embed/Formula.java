package hyp.runtime.embed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A constant expression of a .hyp file (a default, a randn scale) in postfix form, evaluated once the sizes of
 * the symbolic dimensions are known: tokens are numbers, dimension names, {@code + - * / ^}, {@code neg},
 * {@code exp}, {@code log} and {@code sqrt}, separated by spaces; {@code "2 d * 1 +"} is 2·d + 1.
 */
public record Formula(List<String> tokens) {
    public Formula {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) throw new IllegalArgumentException("an empty formula");
    }

    /** Parses the space-separated form written by the compiler. */
    public static Formula parse(String text) {
        return new Formula(List.of(text.trim().split("\\s+")));
    }

    /** The value, with each dimension name taking its size from {@code sizes}. */
    public double value(Map<String, Integer> sizes) {
        Deque<Double> stack = new ArrayDeque<>();
        for (String t : tokens) {
            switch (t) {
                case "+", "-", "*", "/", "^" -> {
                    double r = pop(stack), l = pop(stack);
                    stack.push(binary(t, l, r));
                }
                case "neg" -> stack.push(-pop(stack));
                case "exp" -> stack.push(Math.exp(pop(stack)));
                case "log" -> stack.push(Math.log(pop(stack)));
                case "sqrt" -> stack.push(Math.sqrt(pop(stack)));
                default -> stack.push(operand(t, sizes));
            }
        }
        if (stack.size() != 1) throw new IllegalStateException("malformed formula " + this);
        return stack.pop();
    }

    private static double binary(String op, double l, double r) {
        switch (op) {
            case "+": return l + r;
            case "-": return l - r;
            case "*": return l * r;
            case "/": return l / r;
            default: return Math.pow(l, r);
        }
    }

    private static double operand(String token, Map<String, Integer> sizes) {
        char c = token.charAt(0);
        if (Character.isDigit(c) || c == '.') return Double.parseDouble(token);
        Integer size = sizes.get(token);
        if (size == null) throw new IllegalStateException("dimension " + token + " is not known yet");
        return size;
    }

    private double pop(Deque<Double> stack) {
        if (stack.isEmpty()) throw new IllegalStateException("malformed formula " + this);
        return stack.pop();
    }

    @Override
    public String toString() {
        return String.join(" ", tokens);
    }
}
