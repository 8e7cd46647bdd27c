package hyp.compiler.ad;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A while or a for loop as the adjoint treats both: values carried from {@link #init} through a body to the
 * loop's outputs, over a number of trips that the forward sweep counts and the reverse sweep runs backwards.
 */
sealed interface Loop {
    /** How a loop's parts other than its body (bounds, condition) are copied into new code. */
    interface Copier {
        /** The new code's value for a value of the old code. */
        Var value(Var old);

        /** A copy of a region of the old code, taking {@code extraParams} after its own parameters. */
        Block region(Block old, List<Var> extraParams);

        Var fresh(Type type, String hint);
    }

    Node node();

    Block body();

    List<Var> init();

    default List<Var> outs() {
        return node().defs();
    }

    /** How many of the body's parameters come before the carried values: the index of a for loop. */
    int indexParams();

    /**
     * This loop with a new body, carried values and outputs; its bounds or condition are copied by {@code copier}.
     * A condition takes the carried values: those {@code init} has beyond the loop's own it ignores.
     */
    Node copy(Block body, List<Var> init, List<Var> outs, Copier copier);

    /** The loop a node is, or null. */
    static Loop of(Node n) {
        if (n instanceof Node.While w) return new While(w);
        if (n instanceof Node.For f) return new For(f);
        return null;
    }

    record While(Node.While node) implements Loop {
        public Block body() {
            return node.body();
        }

        public List<Var> init() {
            return node.init();
        }

        public int indexParams() {
            return 0;
        }

        public Node copy(Block body, List<Var> init, List<Var> outs, Copier copier) {
            List<Var> extra = new ArrayList<>();
            for (Var v : init.subList(node.init().size(), init.size())) extra.add(copier.fresh(v.type(), v.hint()));
            Block cond = copier.region(node.cond(), extra);
            return new Node.While(init, cond, body, outs, node.span());
        }
    }

    record For(Node.For node) implements Loop {
        public Block body() {
            return node.body();
        }

        public List<Var> init() {
            return node.init();
        }

        public int indexParams() {
            return 1;
        }

        public Node copy(Block body, List<Var> init, List<Var> outs, Copier copier) {
            return new Node.For(copier.value(node.from()), copier.value(node.to()), init, body, outs, node.span());
        }
    }
}
