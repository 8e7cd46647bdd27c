package hyp.compiler.lower;

import hyp.compiler.check.Callee;
import hyp.compiler.check.CheckedDef;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Typing;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.InternalCompilerError;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.syntax.Block;
import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Stmt;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Lowers a def body into the current region of a builder. Local names map to their current SSA value; if/while/for
 * become structured nodes that yield the names they change. A return before the end is lowered with two hidden
 * locals, {@code %done} and {@code %ret}: later statements run under {@code if not %done}, loops also test it.
 */
final class DefLowering {
    private static final String DONE = "%done";
    private static final String RET = "%ret";

    private final CheckedProgram program;
    private final Typing typing;
    private final IrBuilder b;
    private final Map<String, Var> globals;
    private final Lowering.DimValues dims;
    private final DerivativeInlining derivatives;
    private final MapInlining maps;
    private Map<String, Var> env;
    private Type resultType;
    /** Inside optimizer blocks: grad(x) and loss(x) of the loss being minimised, as IR; null in defs. */
    private UnaryOperator<Var> gradOfLoss;
    private UnaryOperator<Var> lossOf;

    DefLowering(CheckedProgram program, IrBuilder b, Map<String, Var> globals, Lowering.DimValues dims) {
        this.program = program;
        this.typing = program.typing();
        this.b = b;
        this.globals = globals;
        this.dims = dims;
        this.derivatives = new DerivativeInlining(program);
        this.maps = new MapInlining(program);
    }

    /** The most IR values one lowering may make before inlining is stopped with a located error. */
    static final int MAX_VALUES = 2_000_000;

    /** Emits the body of {@code def} with its parameters bound in {@code args}; returns the result value. */
    Var inline(CheckedDef def, Map<String, Var> args) {
        Map<String, Var> savedEnv = env;
        Type savedResult = resultType;
        env = new LinkedHashMap<>(args);
        resultType = def.result();
        try {
            if (def.decl().exprBody() != null) return asResult(def.decl().exprBody());
            List<Stmt> stmts = def.decl().blockBody().stmts();
            if (Returns.onlyAtEnd(stmts)) {
                for (Stmt s : stmts.subList(0, stmts.size() - 1)) stmt(s);
                return asResult(((Stmt.Return) stmts.get(stmts.size() - 1)).value());
            }
            env.put(DONE, b.bool(false));
            env.put(RET, b.undef(resultType));
            stmts(stmts);
            return env.get(RET);
        } finally {
            env = savedEnv;
            resultType = savedResult;
        }
    }

    /** Lowers optimizer block statements with {@code grad(w)} given by {@code gradOfLoss}; returns the final names. */
    Map<String, Var> run(List<Stmt> stmts, Map<String, Var> start, UnaryOperator<Var> gradOfLoss,
                         UnaryOperator<Var> lossOf) {
        this.gradOfLoss = gradOfLoss;
        this.lossOf = lossOf;
        env = new LinkedHashMap<>(start);
        stmts(stmts);
        return env;
    }

    /** Lowers one expression with the given names in scope. */
    Var expression(Expr e, Map<String, Var> names) {
        Map<String, Var> saved = env;
        env = new LinkedHashMap<>(names);
        try {
            return expr(e);
        } finally {
            env = saved;
        }
    }

    private Var asResult(Expr e) {
        Var v = expr(e);
        return resultType.isReal() && v.type().isInt() ? b.op(Prims.TO_REAL, v) : v;
    }

    private void stmts(List<Stmt> stmts) {
        for (int i = 0; i < stmts.size(); i++) {
            Stmt s = stmts.get(i);
            stmt(s);
            if (env.containsKey(DONE) && Returns.mayReturn(s) && i + 1 < stmts.size()) {
                List<Stmt> rest = stmts.subList(i + 1, stmts.size());
                Var notDone = b.op(Prims.NOT, env.get(DONE));
                branch(notDone, () -> stmts(rest), () -> {}, s.span());
                return;
            }
        }
    }

    private void stmt(Stmt s) {
        Span old = b.at(s.span());
        try {
            if (s instanceof Stmt.Assign a) {
                Var v = expr(a.value());
                Var before = env.get(a.target().name());
                if (before != null && before.type().isReal() && v.type().isInt()) v = b.op(Prims.TO_REAL, v);
                env.put(a.target().name(), v);
            } else if (s instanceof Stmt.If i) {
                Var cond = expr(i.cond());
                branch(cond, () -> stmts(i.then().stmts()),
                        () -> { if (i.orElse() != null) stmts(i.orElse().stmts()); }, s.span());
            } else if (s instanceof Stmt.While w) {
                whileLoop(w);
            } else if (s instanceof Stmt.For f) {
                forLoop(f);
            } else {
                Stmt.Return r = (Stmt.Return) s;
                env.put(RET, asResult(r.value()));
                env.put(DONE, b.bool(true));
            }
        } finally {
            b.at(old);
        }
    }

    /** An if node yielding every name either side changed (and names both sides newly bound with one type). */
    @SuppressWarnings("unchecked")
    private void branch(Var cond, Runnable then, Runnable orElse, Span span) {
        Map<String, Var> before = env;
        Runnable[] bodies = {then, orElse};
        Map<String, Var>[] sides = new Map[2];
        hyp.compiler.ir.Block[] blocks = new hyp.compiler.ir.Block[2];
        // Lower both sides first to learn the outputs, then give each region its results.
        for (int k = 0; k < 2; k++) {
            env = new LinkedHashMap<>(before);
            final int side = k;
            blocks[k] = b.block(List.of(), () -> {
                bodies[side].run();
                sides[side] = env;
                return List.of();
            });
        }
        List<String> outs = new ArrayList<>();
        for (Map.Entry<String, Var> e : sides[0].entrySet()) {
            String name = e.getKey();
            Var t = e.getValue(), f = sides[1].get(name), old = before.get(name);
            if (f == null) continue;
            if (old != null ? (t != old || f != old) : t.type().equals(f.type())) outs.add(name);
        }
        env = before;
        List<Var> outVars = new ArrayList<>();
        for (String name : outs) outVars.add(b.fresh(sides[0].get(name).type(), hint(name)));
        b.add(new Node.If(cond, withResults(blocks[0], sides[0], outs), withResults(blocks[1], sides[1], outs), outVars, span));
        for (int k = 0; k < outs.size(); k++) env.put(outs.get(k), outVars.get(k));
    }

    private static hyp.compiler.ir.Block withResults(hyp.compiler.ir.Block block, Map<String, Var> env, List<String> names) {
        return new hyp.compiler.ir.Block(block.params(), block.nodes(), names.stream().map(env::get).toList());
    }

    private static String hint(String name) {
        return name.startsWith("%") ? name.substring(1) : name;
    }

    /** Names the loop body assigns that exist before the loop: they are carried from iteration to iteration. */
    private List<String> carried(Block body) {
        List<String> out = new ArrayList<>();
        for (String name : Returns.assigned(body)) {
            if (env.containsKey(name) && !out.contains(name)) out.add(name);
        }
        if (env.containsKey(DONE) && Returns.mayReturn(body)) {
            if (!out.contains(DONE)) out.add(DONE);
            if (!out.contains(RET)) out.add(RET);
        }
        return out;
    }

    private void whileLoop(Stmt.While w) {
        List<String> names = carried(w.body());
        List<Var> init = names.stream().map(env::get).toList();
        Map<String, Var> before = env;
        boolean guarded = names.contains(DONE);
        hyp.compiler.ir.Block cond = region(names, before, () -> {
            Var c = expr(w.cond());
            if (guarded) c = b.op(Prims.AND, b.op(Prims.NOT, env.get(DONE)), c);
            return List.of(c);
        }, List.of());
        hyp.compiler.ir.Block body = region(names, before, () -> {
            stmts(w.body().stmts());
            return names.stream().map(env::get).toList();
        }, List.of());
        env = before;
        List<Var> outs = names.stream().map(n -> b.fresh(env.get(n).type(), hint(n))).toList();
        b.add(new Node.While(init, cond, body, outs, w.span()));
        for (int k = 0; k < names.size(); k++) env.put(names.get(k), outs.get(k));
    }

    private void forLoop(Stmt.For f) {
        List<String> names = carried(f.body());
        Var from = expr(f.from()), to = expr(f.to());
        List<Var> init = names.stream().map(env::get).toList();
        Map<String, Var> before = env;
        Var index = b.fresh(Type.INT, f.var().name());
        boolean guarded = names.contains(DONE);
        hyp.compiler.ir.Block body = region(names, before, () -> {
            env.put(f.var().name(), index);
            // A for loop cannot stop early: after a return its remaining trips do nothing.
            if (guarded) {
                branch(b.op(Prims.NOT, env.get(DONE)), () -> stmts(f.body().stmts()), () -> {}, f.span());
            } else {
                stmts(f.body().stmts());
            }
            return names.stream().map(env::get).toList();
        }, List.of(index));
        env = before;
        List<Var> outs = names.stream().map(n -> b.fresh(env.get(n).type(), hint(n))).toList();
        b.add(new Node.For(from, to, init, body, outs, f.span()));
        for (int k = 0; k < names.size(); k++) env.put(names.get(k), outs.get(k));
    }

    /** A region whose parameters are fresh values for the carried names (after any leading extra params). */
    private hyp.compiler.ir.Block region(List<String> names, Map<String, Var> before,
                                         Supplier<List<Var>> body, List<Var> leading) {
        env = new LinkedHashMap<>(before);
        List<Var> params = new ArrayList<>(leading);
        for (String n : names) {
            Var p = b.fresh(before.get(n).type(), hint(n));
            params.add(p);
            env.put(n, p);
        }
        return b.block(params, body);
    }

    Var expr(Expr e) {
        Var v = rawExpr(e);
        if (typing.convertsToReal(e) && v.type().isInt()) return b.op(Prims.TO_REAL, v);
        return v;
    }

    private Var rawExpr(Expr e) {
        if (e instanceof Expr.Num n) {
            if (typing.convertsToReal(e) || !n.integer()) return b.real(n.value());
            return b.integer((int) n.value());
        }
        if (e instanceof Expr.Bool bo) return b.bool(bo.value());
        if (e instanceof Expr.Name n) return name(n);
        if (e instanceof Expr.Unary u) {
            Var x = expr(u.operand());
            switch (u.op()) {
                case NEG: return b.op(Prims.NEG, x);
                case NOT: return b.op(Prims.NOT, x);
                default: return x;
            }
        }
        if (e instanceof Expr.Binary bin) return b.op(binary(bin.op()), expr(bin.left()), expr(bin.right()));
        if (e instanceof Expr.Call c) return call(c);
        if (e instanceof Expr.Index ix) return index(ix);
        Expr.TensorLit lit = (Expr.TensorLit) e;
        return b.op(Prims.STACK, lit.elements().stream().map(this::expr).toArray(Var[]::new));
    }

    private Var name(Expr.Name n) {
        Var v = env.get(n.name());
        if (v != null) return v;
        v = globals.get(n.name());
        if (v != null) return v;
        v = dims.get(n.name());
        if (v != null) return v;
        throw CompileException.at(n.span(), "dimension '" + n.name() + "' has no value here: no input of this def has it");
    }

    private static Primitive binary(Expr.BinaryOp op) {
        switch (op) {
            case ADD: return Prims.ADD;
            case SUB: return Prims.SUB;
            case MUL: return Prims.MUL;
            case DIV: return Prims.DIV;
            case POW: return Prims.POW;
            case MATMUL: return Prims.MATMUL;
            case LT: return Prims.LT;
            case LE: return Prims.LE;
            case GT: return Prims.GT;
            case GE: return Prims.GE;
            case EQ: return Prims.EQ;
            case NE: return Prims.NE;
            case AND: return Prims.AND;
            default: return Prims.OR;
        }
    }

    private Var call(Expr.Call c) {
        Callee callee = typing.callee(c);
        List<Expr> args = c.args().stream().map(Expr.Arg::value).toList();
        if (callee instanceof Callee.Prim p) {
            return b.op(p.primitive(), args.stream().map(this::expr).toArray(Var[]::new));
        }
        if (callee instanceof Callee.Reshape r) return b.op(Prims.RESHAPE, r.to(), expr(args.get(0)));
        if (callee instanceof Callee.Fill f) {
            List<Var> in = new ArrayList<>();
            in.add(f.value() != null ? b.real(f.value()) : expr(args.get(0)));
            for (Expr a : args.subList(f.value() != null ? 0 : 1, args.size())) in.add(expr(a));
            return b.op(Prims.FILL, f.type(), in.toArray(Var[]::new));
        }
        if (callee instanceof Callee.Def d) {
            Map<String, Var> bound = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                Var v = expr(args.get(i));
                if (d.def().paramTypes().get(i).isReal() && v.type().isInt()) v = b.op(Prims.TO_REAL, v);
                bound.put(d.def().paramNames().get(i), v);
            }
            Var result = inline(d.def(), bound);
            if (b.valuesMade() > MAX_VALUES) {
                // Each call copies the callee's body, so defs that call defs several times grow exponentially.
                throw CompileException.at(c.span(), "limit: inlining '" + c.callee().name() + "' here makes the code "
                        + "larger than " + MAX_VALUES + " values (every call copies the def's body, so calls of calls "
                        + "multiply); call it fewer times or compute a shared value once and pass it on");
            }
            return result;
        }
        if (callee instanceof Callee.Map m) {
            List<Var> in = args.subList(1, args.size()).stream().map(this::expr).toList(); // args[0] names the def
            return maps.inline(b, m.def(), in, globals, c.span());
        }
        if (callee instanceof Callee.Derivative d) {
            List<Var> in = args.subList(1, args.size()).stream().map(this::expr).toList(); // args[0] names the def
            return derivatives.inline(b, d, in, globals, c.span());
        }
        if (callee instanceof Callee.GradOfLoss && gradOfLoss != null) return gradOfLoss.apply(expr(args.get(0)));
        if (callee instanceof Callee.LossOf && lossOf != null) return lossOf.apply(expr(args.get(0)));
        throw new InternalCompilerError(c.span(), "call of '" + c.callee().name() + "' cannot be lowered here");
    }

    private Var index(Expr.Index ix) {
        IndexSpec spec = typing.indexSpec(ix);
        Var x = expr(ix.target());
        List<Var> args = new ArrayList<>();
        args.add(x);
        for (Expr.IndexArg a : ix.indices()) {
            if (a instanceof Expr.Point p) {
                args.add(expr(p.at()));
            } else if (spec.form() == IndexSpec.Form.SLICE && args.size() == 1) {
                Expr.Slice s = (Expr.Slice) a;
                args.add(s.from() == null ? b.integer(0) : expr(s.from()));
                args.add(s.to() == null ? b.op(Prims.SIZE, 0, x) : expr(s.to()));
            }
        }
        return b.op(Prims.INDEX, spec, args.toArray(Var[]::new));
    }
}
