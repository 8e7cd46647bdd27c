package hyp.runtime.tape;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the tapes that adjoint code creates on this thread while the recording is open, so a caller can report
 * their peak size (generated code keeps its tape to itself). Costs one thread-local read per tape created.
 */
public final class TapeRecording implements AutoCloseable {
    private static final ThreadLocal<TapeRecording> CURRENT = new ThreadLocal<>();
    private final List<Tape> tapes = new ArrayList<>();
    private final TapeRecording outer;

    private TapeRecording(TapeRecording outer) {
        this.outer = outer;
    }

    /** Starts recording on this thread (recordings nest; close them in reverse order). */
    public static TapeRecording start() {
        TapeRecording r = new TapeRecording(CURRENT.get());
        CURRENT.set(r);
        return r;
    }

    static void created(Tape t) {
        TapeRecording r = CURRENT.get();
        if (r != null) r.tapes.add(t);
    }

    /** Tapes created so far. */
    public int tapes() {
        return tapes.size();
    }

    /** The largest peak, in bytes, of any one tape (0 if none). */
    public long largestPeakBytes() {
        long max = 0;
        for (Tape t : tapes) max = Math.max(max, t.peakBytes());
        return max;
    }

    /** The largest peak, in entries, of any one tape (0 if none). */
    public long largestPeakEntries() {
        long max = 0;
        for (Tape t : tapes) max = Math.max(max, t.peakEntries());
        return max;
    }

    @Override
    public void close() {
        if (outer == null) CURRENT.remove();
        else CURRENT.set(outer);
    }
}
