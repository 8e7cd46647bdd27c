package hyp.compiler.train;

import hyp.compiler.ir.Function;
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
 * @param steps   the step count the statement asks for
 * @param schedules the settings' reads of hypers at step-dependent indices
 */
public record OptimizerProgram(String param, List<String> state, Function init, Function step,
                               List<String> context, int steps, List<ScheduleRead> schedules) {
    /** Throws {@link IllegalArgumentException} when a run of {@code steps} steps would read a schedule outside it. */
    public void checkSchedules(Map<String, Object> values, int steps) {
        for (ScheduleRead r : schedules) r.check(values.get(r.hyper()), steps);
    }
}
