package hyp.runtime.cli;

import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Reads tensors written as nested brackets on a command line: {@code [1, 2, 3]}, {@code [[1, 2], [3, 4]]}. */
public final class TensorLiteral {
    private final String text;
    private int pos;
    private final List<Double> values = new ArrayList<>();

    private TensorLiteral(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException naming the position of the first problem (ragged rows, a bad number,
     *                                  a missing bracket)
     */
    public static Tensor parse(String text) {
        TensorLiteral p = new TensorLiteral(text);
        p.skipSpaces();
        if (p.peek() != '[') throw p.error("a tensor starts with '['");
        List<Integer> dims = p.element();
        p.skipSpaces();
        if (p.pos < text.length()) throw p.error("unexpected '" + text.charAt(p.pos) + "' after the tensor");
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        double[] data = new double[p.values.size()];
        for (int i = 0; i < data.length; i++) data[i] = p.values.get(i);
        return new Tensor(data, shape);
    }

    /** Reads a number or a bracketed list; returns the shape of what it read. */
    private List<Integer> element() {
        skipSpaces();
        if (peek() != '[') {
            values.add(number());
            return List.of();
        }
        pos++;
        skipSpaces();
        List<Integer> inner = null;
        int count = 0;
        if (peek() == ']') {
            pos++;
            return List.of(0);
        }
        while (true) {
            int at = pos;
            List<Integer> sub = element();
            if (inner == null) inner = sub;
            else if (!inner.equals(sub)) {
                pos = at;
                throw error("ragged tensor: an element of shape " + sub + " among elements of shape " + inner);
            }
            count++;
            skipSpaces();
            char c = peek();
            pos++;
            if (c == ']') break;
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
        List<Integer> dims = new ArrayList<>();
        dims.add(count);
        dims.addAll(inner);
        return dims;
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && ",] \t".indexOf(text.charAt(pos)) < 0 && text.charAt(pos) != '[') pos++;
        String token = text.substring(start, pos);
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            pos = start;
            throw error(token.isEmpty() ? "expected a number" : "'" + token + "' is not a number");
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at column " + (pos + 1) + " of " + text);
    }
}
