package hyp.compiler.cli;

import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses values given on the command line: {@code -2.7}, {@code 3}, {@code true}, {@code [1, 2]},
 * {@code [[1, 2], [3, 4]]}. Throws {@link IllegalArgumentException} with the offending text.
 */
final class ValueParser {
    private final String text;
    private int pos;

    private ValueParser(String text) {
        this.text = text;
    }

    /** A number, bool, or nested list of numbers (returned as Double, Boolean or Tensor). */
    static Object parse(String text) {
        ValueParser p = new ValueParser(text.trim());
        Object v = p.value();
        p.skipSpace();
        if (p.pos != p.text.length()) throw p.error("unexpected '" + p.text.substring(p.pos) + "'");
        if (v instanceof List<?> l) return toTensor(l, text);
        return v;
    }

    private Object value() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '[') {
            pos++;
            List<Object> items = new ArrayList<>();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ']') throw error("empty list");
            while (true) {
                items.add(value());
                skipSpace();
                if (pos >= text.length()) throw error("missing ']'");
                char c = text.charAt(pos++);
                if (c == ']') return items;
                if (c != ',') throw error("expected ',' or ']' at '" + c + "'");
            }
        }
        int start = pos;
        while (pos < text.length() && "+-.0123456789eEinfatyNrulsI".indexOf(text.charAt(pos)) >= 0) pos++;
        String token = text.substring(start, pos);
        if (token.equals("true") || token.equals("false")) return Boolean.parseBoolean(token);
        double x;
        try {
            x = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw error("expected a number, a bool or [...], got '" + (token.isEmpty() ? text.substring(start) : token) + "'");
        }
        // 1e400 would parse as Infinity; the .hyp parser rejects it too, and no derivative is defined there.
        if (!Double.isFinite(x)) throw error("'" + token + "' is not a finite number (values must lie within ±1.8e308)");
        return x;
    }


    private static Tensor toTensor(List<?> list, String text) {
        List<Integer> shape = new ArrayList<>();
        Object level = list;
        while (level instanceof List<?> l) {
            shape.add(l.size());
            level = l.get(0);
        }
        List<Double> flat = new ArrayList<>();
        flatten(list, 0, shape, flat, text);
        double[] data = flat.stream().mapToDouble(Double::doubleValue).toArray();
        return new Tensor(data, shape.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void flatten(Object v, int depth, List<Integer> shape, List<Double> out, String text) {
        if (depth == shape.size()) {
            if (!(v instanceof Double d)) throw new IllegalArgumentException("'" + text + "': ragged or non-numeric tensor");
            out.add(d);
            return;
        }
        if (!(v instanceof List<?> l) || l.size() != shape.get(depth)) {
            throw new IllegalArgumentException("'" + text + "': rows of different lengths");
        }
        for (Object item : l) flatten(item, depth + 1, shape, out, text);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("'" + text + "': " + message);
    }
}
