package hyp.compiler.train;

import hyp.compiler.diag.CompileException;
import hyp.compiler.ir.Function;
import hyp.runtime.data.Minibatches;
import hyp.runtime.train.ScheduleRead;
import java.util.List;
import java.util.Map;

/**
 * A train statement compiled: the optimizer's state (the trained parameter first, then its memory), and IR for
 * one run of it on the training loss.
 *
 * @param init    (w0, context...) -> (state...)
 * @param step    (state..., t, context...) -> (state'..., stop) where stop is the until rule after the step
 * @param context the names of the other inputs, in order: hypers, data and untrained params the loss reads
 * @param steps   the step count the statement asks for (its epoch count when it counts epochs)
 * @param batching its batch clause, or null when every step reads the whole training set
 * @param schedules the settings' reads of hypers at step-dependent indices
 */
public record OptimizerProgram(String param, List<String> state, Function init, Function step,
                               List<String> context, int steps, Batching batching, List<ScheduleRead> schedules) {
    /** The steps the statement runs on these data: its count, or its epochs times the batches per epoch. */
    public int steps(Map<String, Object> values) {
        if (batching == null) return steps;
        try {
            return batching.rule().steps(steps, batching.bind(values));
        } catch (IllegalArgumentException e) {
            throw CompileException.at(batching.span(), e.getMessage());
        }
    }

    /** The batches for these data values, or null when the statement has no batch clause. */
    public Minibatches minibatches(Map<String, Object> values) {
        return batching == null ? null : batching.bind(values);
    }

    /** Throws {@link IllegalArgumentException} when a run of {@code steps} steps would read a schedule outside it. */
    public void checkSchedules(Map<String, Object> values, int steps) {
        for (ScheduleRead r : schedules) r.check(values.get(r.hyper()), steps);
    }
}
