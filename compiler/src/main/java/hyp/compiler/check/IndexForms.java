package hyp.compiler.check;

import hyp.compiler.prim.IndexSpec;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.List;

/** Sorts {@code x[...]} into the indexing forms the runtime supports, naming a slice's length. */
final class IndexForms {
    private IndexForms() {}

    static IndexSpec classify(Expr.Index ix, Type.Tensor t) {
        List<Expr.IndexArg> in = ix.indices();
        if (in.size() == 1) {
            if (in.get(0) instanceof Expr.Point) {
                return new IndexSpec(t.rank() == 1 ? IndexSpec.Form.GET1 : IndexSpec.Form.ROW, null);
            }
            return slice((Expr.Slice) in.get(0), t);
        }
        if (in.size() != 2 || t.rank() != 2) return null;
        Expr.IndexArg a = in.get(0), b = in.get(1);
        if (a instanceof Expr.Point && b instanceof Expr.Point) return new IndexSpec(IndexSpec.Form.GET2, null);
        if (a instanceof Expr.Point && full(b)) return new IndexSpec(IndexSpec.Form.ROW, null);
        if (full(a) && b instanceof Expr.Point) return new IndexSpec(IndexSpec.Form.COL, null);
        if (a instanceof Expr.Slice s && full(b)) return slice(s, t);
        return null;
    }

    /**
     * A constant index or slice bound that falls outside its axis (or a slice whose end comes before its start),
     * described for a located error; null when every constant bound fits. Only literal bounds are checked here:
     * computed ones are checked when the code runs.
     */
    static String outOfRange(Expr.Index ix, Type.Tensor t) {
        List<Expr.IndexArg> in = ix.indices();
        for (int axis = 0; axis < in.size() && axis < t.rank(); axis++) {
            Dim d = t.dims().get(axis);
            Integer size = d.symbolic() ? null : d.size();
            String where = t.rank() == 1 ? "" : " on axis " + axis;
            String of = size == null ? " of size " + d.name() : " of size " + size;
            if (in.get(axis) instanceof Expr.Point p) {
                Integer i = literal(p.at());
                if (i != null && (i < 0 || size != null && i >= size)) {
                    return "index " + i + " is out of range" + where + of + " (indices run from 0 to "
                            + (size == null ? d.name() + " - 1" : Integer.toString(size - 1)) + ")";
                }
            } else {
                Expr.Slice s = (Expr.Slice) in.get(axis);
                Integer from = s.from() == null ? null : literal(s.from());
                Integer to = s.to() == null ? null : literal(s.to());
                String text = s.span().text();
                if (from != null && (from < 0 || size != null && from > size)) {
                    return "slice " + text + " starts at " + from + ", outside the axis" + where + of;
                }
                if (to != null && (to < 0 || size != null && to > size)) {
                    return "slice " + text + " ends at " + to + ", past the axis" + where + of
                            + " (the end is exclusive: at most " + (size == null ? d.name() : size) + ")";
                }
                if (from != null && to != null && to < from) {
                    return "slice " + text + " ends before it starts (" + to + " < " + from + ")";
                }
            }
        }
        return null;
    }

    /** {@code :} with no bounds. */
    static boolean full(Expr.IndexArg a) {
        return a instanceof Expr.Slice s && s.from() == null && s.to() == null;
    }

    private static IndexSpec slice(Expr.Slice s, Type.Tensor t) {
        return new IndexSpec(IndexSpec.Form.SLICE, length(s, t));
    }

    /** The slice's length as a dimension: literal when both ends are, the axis itself for {@code :}, else named by its text. */
    private static Dim length(Expr.Slice s, Type.Tensor t) {
        Integer from = s.from() == null ? Integer.valueOf(0) : literal(s.from());
        if (s.to() == null) return from != null && from == 0 ? t.dims().get(0) : Dim.named(s.span().text());
        Integer to = literal(s.to());
        if (from != null && to != null) return Dim.of(Math.max(0, to - from));
        if (from != null && from == 0 && s.to() instanceof Expr.Name n) return Dim.named(n.name());
        return Dim.named(s.span().text());
    }

    /** An integer literal, possibly negated; null for anything computed. */
    private static Integer literal(Expr e) {
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
            Integer x = literal(u.operand());
            return x == null ? null : -x;
        }
        return e instanceof Expr.Num n && n.integer() ? (int) n.value() : null;
    }
}
