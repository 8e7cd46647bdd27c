package hyp.compiler.lower;

import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.InternalCompilerError;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Inliner;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batching transformation (JAX's vmap): a per-example function whose first k parameters take one row each
 * becomes a function of whole batches, every value that depends on a row carrying a leading batch axis. Each
 * primitive says how it acts on a batch ({@link hyp.compiler.prim.Primitive#batch}); values that depend on no row
 * (parameters, hyperparameters, constants) stay as they are and are computed once. The result is ordinary IR, so
 * its tangent, adjoint and second-order code come from the usual transformations. Control flow that depends on a
 * row, and primitives without a batching rule, are reported at the map call.
 */
final class Batching {
    private static final String ROW_CONTROL = "its control flow depends on the row (a branch or loop on per-row values "
            + "cannot run on a whole batch); write a for loop over the rows instead";

    private final IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
    private final Map<Var, Var> values = new HashMap<>();
    /** The new values that carry a batch axis. */
    private final Set<Var> batched = new HashSet<>();
    private final String def;
    private final Span at;

    private Batching(String def, Span at) {
        this.def = def;
        this.at = at;
    }

    /**
     * f's code on a batch of {@code rows} rows: its first {@code k} parameters become batches of their types, the
     * rest (the globals f reads) stay shared. The one result gains the batch axis (spread over the rows when it
     * depends on none).
     */
    static Function batch(Function f, int k, Dim rows, String def, Span at) {
        Batching pass = new Batching(def, at);
        List<Var> params = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
            Var p = f.params().get(i);
            Var q = pass.b.fresh(i < k ? batchOf(p.type(), rows) : p.type(), p.hint());
            params.add(q);
            pass.values.put(p, q);
            if (i < k) pass.batched.add(q);
        }
        for (Node n : f.body().nodes()) pass.node(n);
        Var result = pass.values.get(f.body().results().get(0));
        if (!pass.batched.contains(result)) result = pass.b.op(Prims.SPREAD_ROWS, result, params.get(0));
        Block body = new Block(params, pass.b.topNodes(), List.of(result));
        return new Function(f.name() + "_batched", f.paramNames(), body);
    }

    /** The type of a batch of values of type t. */
    static Type batchOf(Type t, Dim rows) {
        List<Dim> dims = new ArrayList<>();
        dims.add(rows);
        if (t instanceof Type.Tensor x) dims.addAll(x.dims());
        return new Type.Tensor(dims);
    }

    private void node(Node n) {
        if (n instanceof Node.Op op && op.args().stream().anyMatch(v -> batched.contains(values.get(v)))) {
            batchOp(op);
            return;
        }
        if (!(n instanceof Node.Op) && !(n instanceof Node.Const) && readsBatch(n)) {
            throw fail(n.span(), ROW_CONTROL);
        }
        Inliner.copy(b, values, n);
    }

    private void batchOp(Node.Op op) {
        if (op.out().type().isBool()) throw fail(op.span(), ROW_CONTROL);
        List<Var> args = new ArrayList<>();
        List<Boolean> mask = new ArrayList<>();
        for (Var v : op.args()) {
            Var w = values.get(v);
            args.add(w);
            mask.add(batched.contains(w));
        }
        Span saved = b.span();
        b.at(op.span());
        Var out = op.prim().batch(b, op, args, mask);
        b.at(saved);
        if (out == null) {
            throw fail(op.span(), "'" + op.prim().name() + "' of " + op.args().stream().map(v -> v.type().toString()).toList()
                    + " has no batching rule for " + (mask.stream().filter(x -> x).count() == args.size() ? "per-row arguments"
                    : "these per-row and shared arguments"));
        }
        Type want = batchOf(op.out().type(), ((Type.Tensor) args.get(mask.indexOf(true)).type()).dims().get(0));
        if (!out.type().equals(want)) {
            throw new InternalCompilerError(op.span(), "batching rule of " + op.prim().name() + " made " + out.type()
                    + ", not " + want);
        }
        values.put(op.out(), out);
        batched.add(out);
    }

    /** Whether a control-flow node reads a batched value anywhere inside. */
    private boolean readsBatch(Node n) {
        List<Var> read = new ArrayList<>(operands(n));
        for (Block inner : IrWalk.regions(n)) {
            read.addAll(inner.results());
            IrWalk.nodes(inner, m -> {
                read.addAll(operands(m));
                for (Block r : IrWalk.regions(m)) read.addAll(r.results());
            });
        }
        return read.stream().anyMatch(v -> values.containsKey(v) && batched.contains(values.get(v)));
    }

    /** The values a node reads directly (not those its regions read). */
    static List<Var> operands(Node n) {
        if (n instanceof Node.Op op) return op.args();
        if (n instanceof Node.If i) return List.of(i.cond());
        if (n instanceof Node.While w) return w.init();
        if (n instanceof Node.For f) {
            List<Var> out = new ArrayList<>(f.init());
            out.add(f.from());
            out.add(f.to());
            return out;
        }
        return List.of();
    }

    private CompileException fail(Span where, String why) {
        String inner = where == null ? "" : " (the code in question is at " + where.line() + ":" + where.column() + ")";
        return CompileException.at(at, "map of '" + def + "' cannot be batched: " + why + inner);
    }
}
