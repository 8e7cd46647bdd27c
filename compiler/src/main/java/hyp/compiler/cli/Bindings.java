package hyp.compiler.cli;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Checker;
import hyp.compiler.check.Global;
import hyp.compiler.diag.UsageException;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.data.RandomInit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument list of a function from values given by name, filling data/param/hyper from their declared
 * defaults; checks kinds and that each symbolic dimension has one size everywhere.
 */
final class Bindings {
    private Bindings() {}

    static List<Object> bind(CheckedProgram program, Function f, Map<String, Object> given) {
        for (String name : given.keySet()) {
            if (!f.paramNames().contains(name)) {
                throw new UsageException("'" + name + "' is not an input of " + f.name() + " (its inputs: "
                        + String.join(", ", f.paramNames()) + ")");
            }
        }
        Map<String, Integer> sizes = new HashMap<>();
        Object[] args = new Object[f.params().size()];
        // Given values first, so their sizes can shape the defaults.
        for (int i = 0; i < args.length; i++) {
            String name = f.paramNames().get(i);
            if (given.containsKey(name)) args[i] = convert(name, f.params().get(i), given.get(name), sizes);
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null) continue;
            String name = f.paramNames().get(i);
            Global g = program.globals().get(name);
            if (g == null || g.decl().init() == null) {
                throw new UsageException("no value for '" + name + "': pass --at " + name + "=..." + " ("
                        + (g == null ? "parameter of " + f.name() : g.kind().keyword() + " " + name) + ": "
                        + f.params().get(i).type() + ")");
            }
            args[i] = byDefault(name, f.params().get(i).type(), g.decl().init(), sizes);
        }
        return new ArrayList<>(Arrays.asList(args));
    }

    /**
     * Values for every data, param and hyper of the program: given ones first (their sizes bind dimensions),
     * then declared defaults. A data without a value is an error naming how to give it.
     */
    static Map<String, Object> globals(CheckedProgram program, Map<String, Object> given) {
        for (String name : given.keySet()) {
            if (!program.globals().containsKey(name)) {
                throw new UsageException("'" + name + "' is not a data, param or hyper of " + program.program().source().name());
            }
        }
        Map<String, Integer> sizes = new HashMap<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Global g : program.globals().values()) {
            if (!given.containsKey(g.name())) continue;
            Var v = new Var(0, g.type(), g.name());
            out.put(g.name(), convert(g.name(), v, given.get(g.name()), sizes));
        }
        for (Global g : program.globals().values()) {
            if (out.containsKey(g.name())) continue;
            if (g.decl().init() == null) {
                throw new UsageException("no value for " + g.kind().keyword() + " '" + g.name() + "': pass --data "
                        + g.name() + "=FILE.csv or --at " + g.name() + "=... (" + g.type() + ")");
            }
            out.put(g.name(), byDefault(g.name(), g.type(), g.decl().init(), sizes));
        }
        return out;
    }

    private static Object convert(String name, Var param, Object value, Map<String, Integer> sizes) {
        Type t = param.type();
        if (t.isReal() && value instanceof Double) return value;
        if (t.isInt() && value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return (int) (double) d;
        }
        if (t.isBool() && value instanceof Boolean) return value;
        if (t instanceof Type.Tensor tt && value instanceof Tensor x) {
            if (x.rank() != tt.rank()) {
                throw new UsageException("'" + name + "' must be " + t + ", got a tensor of shape " + Arrays.toString(x.shape));
            }
            for (int k = 0; k < tt.rank(); k++) unify(name, tt.dims().get(k), x.shape[k], sizes);
            return x;
        }
        throw new UsageException("'" + name + "' must be " + t + ", got " + describe(value));
    }

    private static void unify(String name, Dim d, int size, Map<String, Integer> sizes) {
        if (!d.symbolic()) {
            if (d.size() != size) throw new UsageException("'" + name + "' has size " + size + " where " + d.size() + " is declared");
            return;
        }
        Integer before = sizes.putIfAbsent(d.name(), size);
        if (before != null && before != size) {
            throw new UsageException("dimension " + d.name() + " is " + before + " elsewhere but " + size + " in '" + name + "'");
        }
    }

    /**
     * A declared default: a constant spread over the shape, or {@code randn(scale)}, entries scale·N(0, 1) seeded by
     * the declaration's name, so a file always starts from the same point.
     */
    private static Object byDefault(String name, Type t, Expr init, Map<String, Integer> sizes) {
        if (init instanceof Expr.Call c && c.callee().name().equals(Checker.RANDOM_DEFAULT)) {
            double scale = constant(c.args().get(0).value(), sizes);
            Object zero = filled(name, t, 0.0, sizes);
            if (zero instanceof Double) return RandomInit.normal(1, scale, name.hashCode())[0];
            Tensor z = (Tensor) zero;
            return new Tensor(RandomInit.normal(z.data.length, scale, name.hashCode()), z.shape);
        }
        return filled(name, t, constant(init, sizes), sizes);
    }

    private static Object filled(String name, Type t, double v, Map<String, Integer> sizes) {
        if (t.isReal()) return v;
        if (t.isInt()) return (int) v;
        if (!(t instanceof Type.Tensor tt)) return v != 0;
        int[] shape = new int[tt.rank()];
        for (int k = 0; k < shape.length; k++) {
            Dim d = tt.dims().get(k);
            Integer size = d.symbolic() ? sizes.get(d.name()) : Integer.valueOf(d.size());
            if (size == null) {
                throw new UsageException("cannot size the default of '" + name + "': dimension " + d.name()
                        + " is unknown; pass --at " + name + "=[...] or an input that has " + d.name());
            }
            shape[k] = size;
        }
        return Tensor.fill(v, shape);
    }

    /** Defaults are constant expressions of numbers and dimension sizes. */
    private static double constant(Expr e, Map<String, Integer> sizes) {
        if (e instanceof Expr.Num n) return n.value();
        if (e instanceof Expr.Unary u) {
            double x = constant(u.operand(), sizes);
            return u.op() == Expr.UnaryOp.NEG ? -x : x;
        }
        if (e instanceof Expr.Name n && sizes.containsKey(n.name())) return sizes.get(n.name());
        if (e instanceof Expr.Binary b) {
            double l = constant(b.left(), sizes), r = constant(b.right(), sizes);
            switch (b.op()) {
                case ADD: return l + r;
                case SUB: return l - r;
                case MUL: return l * r;
                case DIV: return l / r;
                case POW: return Math.pow(l, r);
                default: break;
            }
        }
        throw new UsageException(e.span().location() + ": default '" + e.span().text() + "' is not a constant number");
    }

    private static String describe(Object v) {
        if (v instanceof Tensor t) return "a tensor of shape " + Arrays.toString(t.shape);
        if (v instanceof Boolean) return "a bool";
        return "the number " + v;
    }

    /** Parses repeated {@code name=value} options. */
    static Map<String, Object> parseAssignments(List<String> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> written = new HashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) throw new UsageException("'" + item + "' is not name=value");
            String name = item.substring(0, eq).trim();
            String before = written.putIfAbsent(name, item);
            if (before != null) {
                throw new UsageException("--at " + name + " is given twice ('" + before + "' and '" + item + "'); give each name once");
            }
            try {
                out.put(name, ValueParser.parse(item.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad value for '" + name + "': " + e.getMessage());
            }
        }
        return out;
    }
}
