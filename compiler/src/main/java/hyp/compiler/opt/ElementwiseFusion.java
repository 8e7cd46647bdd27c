package hyp.compiler.opt;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.FusedBody;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces each chain or tree of element-wise tensor ops whose intermediate tensors are read only inside it by one
 * {@code fused} op ({@link FusedBody}), which back ends compute in one loop: one pass over memory and no
 * intermediate tensors instead of one pass and one new tensor per op. Element-wise results are the same numbers
 * either way, since every element goes through the same operations in the same order.
 *
 * <p>This is the last pass: back ends run it on the finished code, after every derivative transformation
 * ({@code Derivatives}, {@code Simplify}) and after the complex-step transformation, so fused ops never need
 * derivative rules or complex versions (and have none). A group stays within one region; an intermediate read by a
 * nested region, by another group or as a result stays a tensor of its own.
 */
public final class ElementwiseFusion {
    /** At most this many steps per fused op, which keeps its arguments within the JVM's 255 parameter slots. */
    static final int MAX_STEPS = 100;

    private final Map<Var, Integer> uses = new HashMap<>();
    private final Map<Var, Double> constants = new HashMap<>();

    private ElementwiseFusion() {}

    public static Function run(Function f) {
        ElementwiseFusion pass = new ElementwiseFusion();
        pass.count(f.body());
        Block body = pass.block(f.body());
        if (body == f.body()) return f;
        return DeadCode.run(new Function(f.name(), f.paramNames(), body)); // constants folded into bodies
    }

    public static List<Function> run(List<Function> functions) {
        return functions.stream().map(ElementwiseFusion::run).toList();
    }

    /** Every read of every value, nested regions included, and the real constants. */
    private void count(Block root) {
        root.results().forEach(this::use);
        IrWalk.nodes(root, n -> {
            if (n instanceof Node.Op op) op.args().forEach(this::use);
            else if (n instanceof Node.Const c && c.value() instanceof Double d && c.out().type().isReal()) constants.put(c.out(), d);
            else if (n instanceof Node.If i) use(i.cond());
            else if (n instanceof Node.While w) w.init().forEach(this::use);
            else if (n instanceof Node.For f) {
                use(f.from());
                use(f.to());
                f.init().forEach(this::use);
            }
            for (Block inner : IrWalk.regions(n)) inner.results().forEach(this::use);
        });
    }

    private void use(Var v) {
        uses.merge(v, 1, Integer::sum);
    }

    private static boolean fusable(Node n) {
        if (!(n instanceof Node.Op op) || !op.prim().elementwise() || !op.out().type().isTensor()) return false;
        return op.args().stream().allMatch(a -> a.type().isTensor() || a.type().isReal());
    }

    private Block block(Block b) {
        List<Node> nodes = new ArrayList<>(b.nodes());
        boolean changed = false;
        for (int i = 0; i < nodes.size(); i++) {
            Node now = regions(nodes.get(i));
            changed |= now != nodes.get(i);
            nodes.set(i, now);
        }
        Map<Var, List<Integer>> readers = readers(nodes);
        Map<Var, Node.Op> spread = spreadBroadcasts(nodes, readers);
        int[] group = groups(nodes, readers, spread);
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) if (group[i] >= 0) members.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
        Node[] out = nodes.toArray(Node[]::new);
        for (List<Integer> m : members.values()) {
            List<Node.Op> ops = m.stream().map(i -> (Node.Op) nodes.get(i)).toList();
            boolean readsSpread = ops.stream().anyMatch(op -> op.args().stream().anyMatch(spread::containsKey));
            if (m.size() < 2 && !readsSpread) continue;
            int root = m.get(m.size() - 1);
            for (int i : m) out[i] = null;
            out[root] = fuse(ops, spread);
            changed = true;
        }
        if (!changed) return b;
        List<Node> kept = new ArrayList<>();
        for (Node n : out) if (n != null) kept.add(n);
        return new Block(b.params(), kept, b.results());
    }

    private Node regions(Node n) {
        return IrWalk.mapRegions(n, this::block);
    }

    /**
     * The group of each fusable node (-1 for others), found from the last node back: a node joins the group of
     * its readers when every read of its value is by fusable ops of this block in one group; else it starts one.
     */
    private int[] groups(List<Node> nodes, Map<Var, List<Integer>> readers, Map<Var, Node.Op> spread) {
        int[] group = new int[nodes.size()];
        List<Integer> sizes = new ArrayList<>();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            group[i] = -1;
            if (!fusable(nodes.get(i))) continue;
            Node.Op op = (Node.Op) nodes.get(i);
            if (spread.containsKey(op.out())) continue;
            List<Integer> rs = readers.getOrDefault(op.out(), List.of());
            int g = rs.isEmpty() ? -1 : group[rs.get(0)];
            boolean join = g >= 0 && rs.size() == uses.getOrDefault(op.out(), 0) && sizes.get(g) < MAX_STEPS;
            for (int r : rs) join &= group[r] == g;
            if (!join) {
                g = sizes.size();
                sizes.add(0);
            }
            group[i] = g;
            int steps = 1 + (int) op.args().stream().filter(spread::containsKey).count();
            sizes.set(g, sizes.get(g) + steps);
        }
        return group;
    }

    /** For each value, the fusable ops of this block reading it (once per read). */
    private static Map<Var, List<Integer>> readers(List<Node> nodes) {
        Map<Var, List<Integer>> readers = new HashMap<>();
        for (int j = 0; j < nodes.size(); j++) {
            if (!fusable(nodes.get(j))) continue;
            for (Var a : ((Node.Op) nodes.get(j)).args()) readers.computeIfAbsent(a, k -> new ArrayList<>()).add(j);
        }
        return readers;
    }

    /**
     * Broadcasts read only by fusable ops other than broadcasts: every group reading one computes its scalar
     * itself, so the spread-out tensor is never made (adjoints of sum and mean spread a cotangent this way).
     */
    private Map<Var, Node.Op> spreadBroadcasts(List<Node> nodes, Map<Var, List<Integer>> readers) {
        Map<Var, Node.Op> spread = new HashMap<>();
        for (Node n : nodes) {
            if (!(n instanceof Node.Op op) || op.prim() != Prims.BROADCAST || !fusable(op)) continue;
            List<Integer> rs = readers.getOrDefault(op.out(), List.of());
            boolean onlyFused = !rs.isEmpty() && rs.size() == uses.getOrDefault(op.out(), 0);
            for (int r : rs) onlyFused &= ((Node.Op) nodes.get(r)).prim() != Prims.BROADCAST;
            if (onlyFused) spread.put(op.out(), op);
        }
        return spread;
    }

    /** One fused op for the members (in program order; the last is the root, whose value it defines). */
    private Node.Op fuse(List<Node.Op> members, Map<Var, Node.Op> spread) {
        Map<Var, Integer> step = new HashMap<>();
        Map<Var, Integer> args = new LinkedHashMap<>();
        List<FusedBody.Step> steps = new ArrayList<>();
        for (Node.Op op : members) {
            List<FusedBody.Operand> operands = new ArrayList<>();
            for (Var a : op.args()) {
                Node.Op broadcast = spread.get(a);
                if (broadcast != null && !step.containsKey(a)) {
                    List<FusedBody.Operand> of = List.of(operand(broadcast.arg(0), step, args), operand(broadcast.arg(1), step, args));
                    step.put(a, steps.size());
                    steps.add(new FusedBody.Step(Prims.BROADCAST, of));
                }
                operands.add(operand(a, step, args));
            }
            step.put(op.out(), steps.size());
            steps.add(new FusedBody.Step(Primitive.of(op), operands));
        }
        Node.Op root = members.get(members.size() - 1);
        return new Node.Op(root.out(), Prims.FUSED, new ArrayList<>(args.keySet()), new FusedBody(steps), root.span());
    }

    /** A value as an operand: an earlier step, a literal, or an argument of the fused op. */
    private FusedBody.Operand operand(Var v, Map<Var, Integer> step, Map<Var, Integer> args) {
        Integer temp = step.get(v);
        if (temp != null) return new FusedBody.Temp(temp);
        Double literal = constants.get(v);
        if (literal != null) return new FusedBody.Literal(literal);
        return new FusedBody.Arg(args.computeIfAbsent(v, k -> args.size()));
    }
}
