package hyp.compiler.report;

import hyp.runtime.data.AtomicFile;
import hyp.runtime.train.Layout;
import hyp.runtime.train.ScheduleRead;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code --report DIR} for a tuned per-step schedule (a setting reading {@code sched[t - 1]}): the schedule
 * against the step t, at the start and after tuning with a few rounds between, as in Maclaurin et al. (2015)'s
 * figures. {@code schedule.png} for the first tuned schedule, {@code schedule-NAME.png} for further ones.
 */
public final class ScheduleChart {
    /** Rounds drawn besides the first and the learned schedule. */
    private static final int BETWEEN = 3;

    private ScheduleChart() {}

    /** The files written; none when no tuned vector hyper is read at a step-dependent index. */
    public static List<Path> write(Path dir, List<ScheduleRead> reads, Layout layout, List<TuneHistory.Entry> history,
                            double[] learned, int steps) throws IOException {
        List<Path> written = new ArrayList<>();
        Set<String> drawn = new LinkedHashSet<>();
        for (ScheduleRead r : reads) {
            int k = layout.names().indexOf(r.hyper());
            if (k < 0 || r.axis() != 0 || layout.shapes().get(k).length != 1 || !drawn.add(r.hyper()) || history.isEmpty()) continue;
            String file = drawn.size() == 1 ? "schedule.png" : "schedule-" + r.hyper() + ".png";
            written.add(AtomicFile.write(dir.resolve(file), out -> draw(r, layout.offset(k), history, learned, steps, out)));
        }
        return written;
    }

    private static void draw(ScheduleRead r, int offset, List<TuneHistory.Entry> history, double[] learned, int steps,
                             OutputStream out) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        int n = history.size();
        Set<Integer> rounds = new LinkedHashSet<>();
        for (int j = 0; j <= BETWEEN; j++) rounds.add(j * (n - 1) / (BETWEEN + 1));
        for (int round : rounds) {
            data.addSeries(series((round == 0 ? "start" : "round " + (round + 1)), history.get(round).hyper(), r, offset, steps));
        }
        data.addSeries(series("learned (after " + n + " rounds)", learned, r, offset, steps));
        JFreeChart chart = ChartFactory.createXYLineChart("Learned schedule '" + r.hyper() + "' against the step", "step t",
                r.hyper() + " read at step t", data);
        chart.addSubtitle(new TextTitle("the setting reads " + r.where()));
        TuneCharts.write(chart, out);
    }

    private static XYSeries series(String label, double[] lambda, ScheduleRead r, int offset, int steps) {
        XYSeries s = new XYSeries(label);
        for (int t = 1; t <= steps; t++) s.add(t, lambda[offset + t + r.offset()]);
        return s;
    }
}
