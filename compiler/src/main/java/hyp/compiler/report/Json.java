package hyp.compiler.report;

import hyp.runtime.Tensor;
import java.util.List;
import java.util.Map;

/** A small JSON writer for command output: objects, lists, strings, numbers, booleans and tensors as nested arrays. */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Double d) {
            number(d, out);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Tensor t) {
            tensor(t, 0, 0, out);
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) out.append(", ");
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) out.append(", ");
                write(l.get(i), out);
            }
            out.append(']');
        } else {
            string(v.toString(), out);
        }
    }

    /** JSON has no NaN or infinities: they are written as strings so the output still parses. */
    private static void number(double d, StringBuilder out) {
        if (Double.isFinite(d)) out.append(d);
        else string(Double.toString(d), out);
    }

    private static int tensor(Tensor t, int axis, int offset, StringBuilder out) {
        out.append('[');
        int n = t.shape[axis];
        int stride = 1;
        for (int k = axis + 1; k < t.rank(); k++) stride *= t.shape[k];
        for (int i = 0; i < n; i++) {
            if (i > 0) out.append(", ");
            if (axis == t.rank() - 1) number(t.data[offset + i], out);
            else tensor(t, axis + 1, offset + i * stride, out);
        }
        out.append(']');
        return offset;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
