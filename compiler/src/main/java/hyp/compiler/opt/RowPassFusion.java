package hyp.compiler.opt;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrWalk;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.FusedBody;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.prim.RowPassBody;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a matrix where the code makes two or more: each transposed product {@code Xᵀ r} (IR:
 * {@code matmul(r, X)}) whose r comes from products {@code X u} over the same X through element-wise ops only
 * becomes one {@code rowpass} op, which walks X once in blocks of rows: z_b = X_b u, r_b = f(z_b, …), g += X_bᵀ r_b.
 * Every row's r depends only on that row, so this is the same computation; the result is the same to the last bit
 * (see {@code hyp.runtime.ops.RowBlocks}). The gradient of {@code mean(softplus(-y * (X @ w)))} reads X once
 * instead of twice; the adjoint of an optimizer step and a Hessian-vector product, whose second-order term reads X
 * for two products (X w, X v) and two transposed ones, read it twice instead of four times.
 *
 * <p>Element-wise values between the products are recomputed inside the pass rather than kept: a later pass that
 * needs {@code sigmoid(-y * (X @ w))} again computes X w again from the rows it reads anyway. Products and values
 * that other ops still read stay as they are (dead-code removal drops the rest), so the pass never adds a pass over
 * X. It runs after {@link ElementwiseFusion}, on code no transformation touches again.
 */
public final class RowPassFusion {
    /** Bounds that keep a row pass's generated method within the JVM's parameter and size limits. */
    static final int MAX_STEPS = 200, MAX_ARGS = 100;

    private final Map<Var, Double> constants = new HashMap<>();

    private RowPassFusion() {}

    public static Function run(Function f) {
        RowPassFusion pass = new RowPassFusion();
        IrWalk.nodes(f.body(), n -> {
            if (n instanceof Node.Const c && c.value() instanceof Double d && c.out().type().isReal()) pass.constants.put(c.out(), d);
        });
        Block body = pass.block(f.body());
        if (body == f.body()) return f;
        return DeadCode.run(new Function(f.name(), f.paramNames(), body));
    }

    public static List<Function> run(List<Function> functions) {
        return functions.stream().map(RowPassFusion::run).toList();
    }

    private Block block(Block b) {
        Map<Var, Node.Op> defs = new HashMap<>();
        List<Node> out = new ArrayList<>(b.nodes().size());
        boolean changed = false;
        for (Node n : b.nodes()) {
            Node now = regions(n);
            if (now instanceof Node.Op op) {
                Node.Op pass = transposedProduct(op) ? rowPass(op, defs) : null;
                if (pass != null) now = pass;
                defs.put(op.out(), op);
            }
            changed |= now != n;
            out.add(now);
        }
        return changed ? new Block(b.params(), out, b.results()) : b;
    }

    private Node regions(Node n) {
        return IrWalk.mapRegions(n, this::block);
    }

    /** {@code matmul(r, X)} with r a vector and X a matrix: Xᵀ r. */
    private static boolean transposedProduct(Node.Op op) {
        return op.prim() == Prims.MATMUL && rank(op.arg(0).type()) == 1 && rank(op.arg(1).type()) == 2;
    }

    private static int rank(Type t) {
        return t instanceof Type.Tensor tensor ? tensor.rank() : 0;
    }

    /** The row pass replacing {@code product}, or null when r is not made from products over the same X. */
    private Node.Op rowPass(Node.Op product, Map<Var, Node.Op> defs) {
        Chain chain = new Chain(product.arg(1), product.arg(0).type(), defs);
        if (!chain.visit(product.arg(0)) || chain.dots.isEmpty() || chain.ops.isEmpty()) return null;
        List<FusedBody.Step> steps = new ArrayList<>();
        Map<Var, Integer> step = new HashMap<>();
        for (Node.Op op : chain.ops) {
            if (op.prim() == Prims.FUSED) {
                FusedBody inner = (FusedBody) op.attr();
                int base = steps.size();
                for (FusedBody.Step s : inner.steps()) {
                    List<FusedBody.Operand> operands = new ArrayList<>();
                    for (FusedBody.Operand o : s.operands()) {
                        if (o instanceof FusedBody.Temp t) operands.add(new FusedBody.Temp(base + t.step()));
                        else if (o instanceof FusedBody.Arg a) operands.add(operand(op.arg(a.index()), step, chain));
                        else operands.add(o);
                    }
                    steps.add(new FusedBody.Step(s.prim(), operands));
                }
            } else {
                steps.add(new FusedBody.Step(Primitive.of(op), op.args().stream().map(a -> operand(a, step, chain)).toList()));
            }
            step.put(op.out(), steps.size() - 1);
        }
        if (steps.size() > MAX_STEPS || 1 + chain.dots.size() + chain.inputs.size() > MAX_ARGS) return null;
        List<Var> args = new ArrayList<>();
        args.add(product.arg(1));
        args.addAll(chain.dots.keySet());
        args.addAll(chain.inputs.keySet());
        RowPassBody body = new RowPassBody(chain.dots.size(), new FusedBody(steps));
        return new Node.Op(product.out(), Prims.ROW_PASS, args, body, product.span());
    }

    private FusedBody.Operand operand(Var v, Map<Var, Integer> step, Chain chain) {
        Integer temp = step.get(v);
        if (temp != null) return new FusedBody.Temp(temp);
        Node.Op def = chain.defs.get(v);
        if (chain.isDot(def)) return new FusedBody.Arg(chain.dots.get(def.arg(1)));
        Double literal = constants.get(v);
        if (literal != null) return new FusedBody.Literal(literal);
        return new FusedBody.Arg(chain.dots.size() + chain.inputs.get(v));
    }

    /** The element-wise ops (in an order that computes arguments first), row dots and inputs r is made of. */
    private final class Chain {
        final Var matrix;
        final Type row;
        final Map<Var, Node.Op> defs;
        final List<Node.Op> ops = new ArrayList<>();
        /** Each row dot's vector u (of X u), numbered in order. */
        final Map<Var, Integer> dots = new LinkedHashMap<>();
        /** Row vectors and reals read as they are, numbered in order. */
        final Map<Var, Integer> inputs = new LinkedHashMap<>();
        private final Map<Var, Boolean> seen = new HashMap<>();

        Chain(Var matrix, Type row, Map<Var, Node.Op> defs) {
            this.matrix = matrix;
            this.row = row;
            this.defs = defs;
        }

        boolean isDot(Node.Op def) {
            return def != null && def.prim() == Prims.MATMUL && def.arg(0).equals(matrix) && rank(def.arg(1).type()) == 1;
        }

        /** Adds v's computation; false when r cannot be computed row by row. */
        boolean visit(Var v) {
            Boolean known = seen.get(v);
            if (known != null) return known;
            boolean ok = add(v);
            seen.put(v, ok);
            return ok;
        }

        private boolean add(Var v) {
            Node.Op def = defs.get(v);
            if (isDot(def)) {
                dots.putIfAbsent(def.arg(1), dots.size());
                return true;
            }
            if (constants.containsKey(v)) return true;
            if (def != null && elementwise(def)) {
                for (Var a : def.args()) if (!visit(a)) return false;
                ops.add(def);
                return true;
            }
            if (!v.type().isReal() && !v.type().equals(row)) return false;
            inputs.putIfAbsent(v, inputs.size());
            return true;
        }

        /** An element-wise op on row vectors (and reals) giving a row vector. */
        private boolean elementwise(Node.Op op) {
            boolean kind = op.prim() == Prims.FUSED || op.prim().elementwise();
            if (!kind || !op.out().type().equals(row)) return false;
            return op.args().stream().allMatch(a -> a.type().isReal() || a.type().equals(row));
        }
    }
}
