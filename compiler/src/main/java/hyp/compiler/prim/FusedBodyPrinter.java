package hyp.compiler.prim;

import java.util.Map;

/**
 * A {@link FusedBody} as text in .hyp's notation: {@code softplus(-$0 * $1)} for the arguments $0 and $1. A step
 * read more than once is printed once as {@code tK = ...;} before the expression that reads it. Parentheses are
 * written wherever the order of evaluation would otherwise be unclear, so the text states exactly what is computed.
 */
final class FusedBodyPrinter {
    private static final Map<Primitive, String> INFIX =
            Map.of(Prims.ADD, "+", Prims.SUB, "-", Prims.MUL, "*", Prims.DIV, "/", Prims.POW, "^");
    private static final int SUM = 1, PRODUCT = 2, NEGATION = 3, POWER = 4, ATOM = 5;

    private final FusedBody body;
    private final int[] reads;

    private FusedBodyPrinter(FusedBody body) {
        this.body = body;
        this.reads = new int[body.steps().size()];
        for (FusedBody.Step s : body.steps()) {
            for (FusedBody.Operand o : s.operands()) if (o instanceof FusedBody.Temp t) reads[t.step()]++;
        }
    }

    static String print(FusedBody body) {
        FusedBodyPrinter p = new FusedBodyPrinter(body);
        StringBuilder out = new StringBuilder();
        int last = body.steps().size() - 1;
        for (int k = 0; k < last; k++) {
            if (p.reads[k] > 1) out.append('t').append(k).append(" = ").append(p.step(k).text).append("; ");
        }
        return out.append(p.step(last).text).toString();
    }

    /** Text with the precedence of its outermost operator. */
    private record Text(String text, int precedence) {}

    private Text step(int k) {
        FusedBody.Step s = body.steps().get(k);
        Primitive p = s.prim();
        if (p == Prims.BROADCAST) return operand(s.operands().get(0));
        if (p == Prims.NEG) return new Text("-" + wrap(operand(s.operands().get(0)), ATOM), NEGATION);
        String symbol = INFIX.get(p);
        if (symbol != null) {
            int prec = p == Prims.POW ? POWER : p == Prims.ADD || p == Prims.SUB ? SUM : PRODUCT;
            // left-associative: the right operand (and for ^ both) needs parentheses at equal precedence
            String left = wrap(operand(s.operands().get(0)), p == Prims.POW ? prec + 1 : prec);
            String right = wrap(operand(s.operands().get(1)), prec + 1);
            return new Text(left + " " + symbol + " " + right, prec);
        }
        StringBuilder call = new StringBuilder(p.name()).append('(');
        for (int i = 0; i < s.operands().size(); i++) {
            if (i > 0) call.append(", ");
            call.append(operand(s.operands().get(i)).text);
        }
        return new Text(call.append(')').toString(), ATOM);
    }

    private Text operand(FusedBody.Operand o) {
        if (o instanceof FusedBody.Arg a) return new Text("$" + a.index(), ATOM);
        if (o instanceof FusedBody.Literal l) {
            String text = Double.toString(l.value());
            return new Text(text, text.startsWith("-") ? NEGATION : ATOM);
        }
        int k = ((FusedBody.Temp) o).step();
        return reads[k] > 1 ? new Text("t" + k, ATOM) : step(k);
    }

    private static String wrap(Text t, int needed) {
        return t.precedence >= needed ? t.text : "(" + t.text + ")";
    }
}
