package hyp.compiler.report;

import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningRound;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a tuning run on stderr. On a terminal: one line rewritten in place, e.g.
 * {@code round 12/50 [=====>      ] L_te 0.4123  |∇λ| 3.1e-02  elapsed 4.2s  remaining ~13s}.
 * Otherwise (a log file, a pipe): one plain line every tenth of the rounds, and after the last.
 */
public final class TuneProgress implements TuningListener {
    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final int rounds;
    private final boolean live;
    private final long start = System.nanoTime();
    private final int every;
    private long lastDraw;
    private int lastWidth;
    private boolean drawn;

    public TuneProgress(PrintWriter err, int rounds, boolean live) {
        this.err = err;
        this.rounds = rounds;
        this.live = live;
        this.every = Math.max(1, (int) Math.ceil(rounds / 10.0));
    }

    /** Whether the process talks to a terminal: a console that (on JDK 22 and later) says it is one. */
    public static boolean onTerminal() {
        Console console = System.console();
        if (console == null) return false;
        try {
            // Console.isTerminal() exists from JDK 22, where System.console() is no longer null when redirected.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void onRound(TuningRound r) {
        int done = r.round() + 1;
        long now = System.nanoTime();
        if (live) {
            if (drawn && done < rounds && now - lastDraw < REDRAW_NANOS) return;
            lastDraw = now;
            String line = line(done, r, now, true);
            // \r returns to the line start; spaces wipe what a longer previous line left.
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            drawn = true;
            err.flush();
        } else if (done % every == 0 || done == rounds) {
            err.println(line(done, r, now, false));
            err.flush();
        }
    }

    /** Ends the live line so what follows starts on a fresh one; call also when the run fails. */
    public void finish() {
        if (live && drawn) {
            err.println();
            err.flush();
        }
    }

    private String line(int done, TuningRound r, long now, boolean bar) {
        double elapsed = (now - start) / 1e9;
        StringBuilder s = new StringBuilder();
        s.append("round ").append(done).append('/').append(rounds).append(' ');
        if (bar) s.append(bar(done)).append(' ');
        s.append("L_te ").append(number(r.validationLoss()));
        s.append(String.format(Locale.ROOT, "  |∇λ| %.1e", r.gradientNorm()));
        s.append("  elapsed ").append(duration(elapsed));
        if (done < rounds) s.append("  remaining ~").append(duration(elapsed / done * (rounds - done)));
        return s.toString();
    }

    private String bar(int done) {
        int filled = (int) ((long) BAR * done / rounds);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < BAR; i++) s.append(i < filled ? '=' : i == filled ? '>' : ' ');
        return s.append(']').toString();
    }

    /** Four significant digits, fixed point where that reads well. */
    public static String number(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5) || !Double.isFinite(v)) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.4f", v);
    }

    public static String duration(double seconds) {
        if (seconds < 10) return String.format(Locale.ROOT, "%.1fs", seconds);
        if (seconds < 120) return Math.round(seconds) + "s";
        long s = Math.round(seconds);
        if (s < 7200) return s / 60 + "m" + String.format("%02d", s % 60) + "s";
        return s / 3600 + "h" + String.format("%02d", s / 60 % 60) + "m";
    }
}
