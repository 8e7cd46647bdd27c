package hyp.compiler.backend.interp;

import hyp.compiler.diag.Span;
import hyp.compiler.ir.Node;

/**
 * Receives the control-flow decisions an {@link Interpreter} run takes: which side of each {@code if} and how many
 * times each loop body ran. For one input this is the seed's c(x), the straight-line program that input selects.
 */
public interface PathRecorder {
    /** An {@code if} ran its then-block ({@code thenTaken}) or its else-block. The span may be null. */
    void branch(Span span, boolean thenTaken);

    /** A loop ({@code kind} "while" or "for") is about to start; lets recorders keep events in execution order. */
    default void loopStart(Span span, String kind) {}

    /** The loop that last started and has not yet ended finished after {@code trips} runs of its body. */
    void loopEnd(Span span, String kind, long trips);

    /**
     * An op ran on {@code args} and gave {@code result}. Recorders that also watch the kinks of non-smooth ops
     * (which side of abs, relu or max an input is on) read them here; most ignore it.
     */
    default void op(Node.Op op, Object[] args, Object result) {}
}
