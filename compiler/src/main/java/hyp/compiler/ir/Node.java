package hyp.compiler.ir;

import hyp.compiler.diag.Span;
import java.util.List;

/**
 * Statements of the graph IR. Straight-line code is a list of {@link Op}s and {@link Const}s; control flow is
 * structured: regions ({@link Block}s) that may read any value defined before them and yield results.
 */
public sealed interface Node {
    /** The values this node defines. */
    List<Var> defs();

    /** Where in the .hyp file this came from (for messages); may be null for generated code. */
    Span span();

    /** {@code out = prim(args)}; {@code attr} holds an operator's static parameter (an axis, a shape), else null. */
    record Op(Var out, Operator prim, List<Var> args, Object attr, Span span) implements Node {
        public Op {
            args = List.copyOf(args);
        }

        public List<Var> defs() {
            return List.of(out);
        }

        public Var arg(int i) {
            return args.get(i);
        }
    }

    /** A literal: Double for real, Integer for int, Boolean for bool; null means "no value yet" (any type). */
    record Const(Var out, Object value, Span span) implements Node {
        public List<Var> defs() {
            return List.of(out);
        }
    }

    /** Runs one of two blocks (no parameters); both yield values for {@code outs}. */
    record If(Var cond, Block then, Block orElse, List<Var> outs, Span span) implements Node {
        public List<Var> defs() {
            return outs;
        }
    }

    /**
     * {@code carried = init; while cond(carried) { carried = body(carried) }; outs = carried}. Both blocks take the
     * carried values as parameters; cond yields one bool.
     */
    record While(List<Var> init, Block cond, Block body, List<Var> outs, Span span) implements Node {
        public List<Var> defs() {
            return outs;
        }
    }

    /** {@code for i in from..to}: body takes (i, carried...) and yields the new carried values. */
    record For(Var from, Var to, List<Var> init, Block body, List<Var> outs, Span span) implements Node {
        public List<Var> defs() {
            return outs;
        }
    }
}
