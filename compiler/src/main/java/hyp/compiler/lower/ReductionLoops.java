package hyp.compiler.lower;

import hyp.compiler.diag.CompileException;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Inliner;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises a reduction loop over the rows of tensors and lowers it as {@code map} would be:
 * <pre>  s = s0; for i in 0..n { s = s + e(X[i], Y[i], ...) }</pre>
 * where n is the row count of X, Y, ..., i is read only to take those rows, and s only by that one addition, so
 * the trips are independent. e's code, with the rows as parameters and everything else it reads shared, goes
 * through {@link Batching} and the loop becomes {@code s0 + sum(map(e, X, Y, ...))}. A loop that does not have this
 * form, or whose body the batching pass cannot batch (control flow on per-row values, a primitive without a
 * batching rule), stays a loop. {@code -Dhyp.batchLoops=false} keeps every loop, to compare the two. Public
 * because it runs on lowered code, wherever the lowering lives.
 */
public final class ReductionLoops {
    private final Function f;
    private final IrBuilder b;
    /** Every value defined by a node, nested regions included, with that node. */
    private final Map<Var, Node> definers = new HashMap<>();

    private ReductionLoops(Function f) {
        this.f = f;
        this.b = IrBuilder.after(f, Prims.ARITHMETIC);
        IrWalk.nodes(f.body(), n -> n.defs().forEach(v -> definers.put(v, n)));
    }

    static boolean enabled() {
        return !"false".equals(System.getProperty("hyp.batchLoops"));
    }

    /** f with every reduction loop it holds batched; f itself when there is none (or the pass is switched off). */
    public static Function apply(Function f) {
        if (!enabled()) return f;
        boolean[] loops = {false};
        IrWalk.nodes(f.body(), n -> loops[0] |= n instanceof Node.For);
        if (!loops[0]) return f;
        Block body = new ReductionLoops(f).block(f.body());
        return body == f.body() ? f : new Function(f.name(), f.paramNames(), body);
    }

    /** The block with its reduction loops (inner ones first) batched; the same object when none is. */
    private Block block(Block old) {
        List<Node> nodes = new ArrayList<>();
        boolean changed = false;
        for (Node n : old.nodes()) {
            Node m = IrWalk.mapRegions(n, this::block);
            List<Node> batched = m instanceof Node.For loop ? batched(loop) : null;
            if (batched != null) {
                nodes.addAll(batched);
            } else {
                nodes.add(m);
            }
            changed |= m != n || batched != null;
        }
        return changed ? new Block(old.params(), nodes, old.results()) : old;
    }

    /** The nodes that compute the loop's result on whole batches, or null when the loop is not a reduction. */
    private List<Node> batched(Node.For loop) {
        Block body = loop.body();
        if (loop.init().size() != 1 || body.params().size() != 2) return null;
        if (!(definers.get(loop.from()) instanceof Node.Const c && Integer.valueOf(0).equals(c.value()))) return null;
        Dim rows = rowCount(loop.to());
        Var index = body.params().get(0), acc = body.params().get(1);
        if (rows == null || !acc.type().differentiable()) return null;

        // The last addition into the accumulator, and the per-row term it adds.
        Node.Op add = null;
        for (Node n : body.nodes()) {
            if (n instanceof Node.Op op && op.out().equals(body.results().get(0))) add = op;
        }
        if (add == null || add.prim() != Prims.ADD) return null;
        Var term = add.arg(0).equals(acc) ? add.arg(1) : add.arg(1).equals(acc) ? add.arg(0) : null;
        if (term == null || term.equals(acc) || !term.type().equals(acc.type())) return null;

        // Row reads X[i] at the top of the body; i and the accumulator read nowhere else.
        Map<Var, Var> rowOf = new LinkedHashMap<>(); // row value -> the tensor it is a row of
        Set<Var> inside = new HashSet<>();
        IrWalk.nodes(body, n -> inside.addAll(n.defs()));
        for (Node n : body.nodes()) {
            if (n instanceof Node.Op op && op.prim() == Prims.INDEX && op.args().size() == 2 && op.arg(1).equals(index)
                    && !inside.contains(op.arg(0)) && isRowRead(op, rows)) {
                rowOf.put(op.out(), op.arg(0));
            }
        }
        int[] indexReads = {0}, accReads = {0};
        IrWalk.nodes(body, n -> count(n, index, acc, indexReads, accReads));
        for (Var r : body.results()) count(r, index, acc, indexReads, accReads);
        if (rowOf.isEmpty() || indexReads[0] != rowOf.size() || accReads[0] != 1) return null;
        PerRow perRow = perRow(body, add, rowOf);
        List<Var> tensors = new ArrayList<>(new LinkedHashSet<>(rowOf.values()));
        Function code;
        try {
            code = Batching.batch(perRow.code(), tensors.size(), rows, f.name(), loop.span());
        } catch (CompileException notBatchable) {
            return null; // control flow on a row, or a primitive with no batching rule: the loop stays
        }
        List<Var> args = new ArrayList<>(tensors);
        args.addAll(perRow.shared());
        Var init = loop.init().get(0), out = loop.outs().get(0);
        boolean fromZero = definers.get(init) instanceof Node.Const k && Double.valueOf(0.0).equals(k.value());
        hyp.compiler.diag.Span saved = b.at(loop.span());
        try {
            return b.block(List.of(), () -> {
                Var terms = Inliner.inline(b, code, args).get(0);
                hyp.compiler.prim.Primitive sum = acc.type().isTensor() ? Prims.SUM_ROWS : Prims.SUM;
                if (fromZero) {
                    b.add(new Node.Op(out, sum, List.of(terms), null, loop.span()));
                } else {
                    b.add(new Node.Op(out, Prims.ADD, List.of(init, b.op(sum, terms)), null, loop.span()));
                }
                return List.of();
            }).nodes();
        } finally {
            b.at(saved);
        }
    }

    /** The per-row code and the outside values it reads, passed after the rows. */
    private record PerRow(Function code, List<Var> shared) {}

    /**
     * The loop body as a function of one row of each tensor and of the outside values it reads: the body less its
     * row reads and the final addition, yielding the term.
     */
    private PerRow perRow(Block body, Node.Op add, Map<Var, Var> rowOf) {
        IrBuilder fb = new IrBuilder(Prims.ARITHMETIC);
        Map<Var, Var> rename = new HashMap<>();
        Map<Var, Var> paramOf = new LinkedHashMap<>(); // tensor -> its row parameter
        List<Var> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<Var, Var> e : rowOf.entrySet()) {
            Var p = paramOf.computeIfAbsent(e.getValue(), x -> {
                Var q = fb.fresh(e.getKey().type(), x.hint());
                params.add(q);
                names.add(x.hint() == null ? "row" + params.size() : x.hint());
                return q;
            });
            rename.put(e.getKey(), p);
        }
        List<Node> kept = new ArrayList<>();
        for (Node n : body.nodes()) {
            if (n != add && !(n instanceof Node.Op op && rowOf.containsKey(op.out()))) kept.add(n);
        }
        Set<Var> defined = new HashSet<>(rowOf.keySet());
        Set<Var> outside = new LinkedHashSet<>();
        reads(kept, List.of(add.arg(0), add.arg(1)), defined, outside);
        outside.remove(body.params().get(1));
        List<Var> sharedVars = new ArrayList<>(outside);
        for (Var v : sharedVars) {
            Var q = fb.fresh(v.type(), v.hint());
            params.add(q);
            names.add(v.hint() == null ? "v" + v.id() : v.hint());
            rename.put(v, q);
        }
        for (Node n : kept) Inliner.copy(fb, rename, n);
        Var term = rename.get(add.arg(0).equals(body.params().get(1)) ? add.arg(1) : add.arg(0));
        return new PerRow(new Function(f.name() + "_row", names, new Block(params, fb.topNodes(), List.of(term))), sharedVars);
    }

    /** Collects into {@code outside} the values the nodes (and then {@code results}) read but do not define. */
    private static void reads(List<Node> nodes, List<Var> results, Set<Var> defined, Set<Var> outside) {
        for (Node n : nodes) {
            for (Var v : Batching.operands(n)) if (!defined.contains(v)) outside.add(v);
            for (Block inner : IrWalk.regions(n)) {
                defined.addAll(inner.params());
                reads(inner.nodes(), inner.results(), defined, outside);
            }
            defined.addAll(n.defs());
        }
        for (Var v : results) if (!defined.contains(v)) outside.add(v);
    }

    /** Whether {@code op} reads row i of a tensor defined outside the loop with {@code rows} rows. */
    private boolean isRowRead(Node.Op op, Dim rows) {
        IndexSpec spec = (IndexSpec) op.attr();
        if (spec.form() != IndexSpec.Form.ROW && spec.form() != IndexSpec.Form.GET1) return false;
        return op.arg(0).type() instanceof Type.Tensor x && x.dims().get(0).equals(rows);
    }

    /** The dimension a loop bound is the size of: a tensor's axis size, or a literal count. */
    private Dim rowCount(Var to) {
        Node n = definers.get(to);
        if (n instanceof Node.Const c && c.value() instanceof Integer k) return Dim.of(k);
        if (n instanceof Node.Op op && op.prim() == Prims.SIZE && op.attr() instanceof Integer axis
                && op.arg(0).type() instanceof Type.Tensor x) {
            return x.dims().get(axis);
        }
        return null;
    }

    private static void count(Node n, Var index, Var acc, int[] indexReads, int[] accReads) {
        for (Var v : Batching.operands(n)) count(v, index, acc, indexReads, accReads);
        for (Block inner : IrWalk.regions(n)) for (Var r : inner.results()) count(r, index, acc, indexReads, accReads);
    }

    private static void count(Var v, Var index, Var acc, int[] indexReads, int[] accReads) {
        if (v.equals(index)) indexReads[0]++;
        if (v.equals(acc)) accReads[0]++;
    }
}
