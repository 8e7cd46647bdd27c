package hyp.compiler.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's plots, drawn by JFreeChart off screen (AWT headless, so no display is needed). */
public final class TuneCharts {
    /** At most this many λ entries get a line; more would make the plot unreadable. */
    public static final int MAX_LINES = 20;
    private static final int WIDTH = 900, HEIGHT = 560;

    static {
        // Set before AWT first loads: rendering to an image needs no display.
        System.setProperty("java.awt.headless", "true");
    }

    private TuneCharts() {}

    /** L_te at the end of each round's inner run. */
    public static void loss(List<TuneHistory.Entry> history, String lossName, OutputStream out) throws IOException {
        XYSeries s = new XYSeries("L_te (" + lossName + ")");
        for (TuneHistory.Entry e : history) s.add(e.round(), e.validationLoss());
        JFreeChart chart = ChartFactory.createXYLineChart("Validation loss per round", "round",
                "L_te (" + lossName + ")", new XYSeriesCollection(s));
        chart.removeLegend();
        write(chart, out);
    }

    /**
     * One line per λ entry over the rounds. With more than {@link #MAX_LINES} entries, the ones that moved most
     * (|λ_last − λ_first|) are drawn, and the subtitle says so.
     *
     * @param names the entries' names, e.g. {@code rho[3]}, in flat order
     */
    public static void hyper(List<TuneHistory.Entry> history, List<String> names, OutputStream out) throws IOException {
        List<Integer> shown = shown(history, names.size());
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i : shown) {
            XYSeries s = new XYSeries(names.get(i));
            for (TuneHistory.Entry e : history) s.add(e.round(), e.hyper()[i]);
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Hyperparameters per round", "round", "λ (at the start of the round)", data);
        chart.addSubtitle(new TextTitle(shown.size() == names.size()
                ? "all " + names.size() + " entries"
                : shown.size() + " of " + names.size() + " entries shown: those that moved most"));
        if (shown.size() == 1) chart.removeLegend();
        write(chart, out);
    }

    /** Indices of the entries to draw, in flat order. */
    public static List<Integer> shown(List<TuneHistory.Entry> history, int n) {
        if (n <= MAX_LINES || history.isEmpty()) return IntStream.range(0, n).boxed().toList();
        double[] first = history.get(0).hyper(), last = history.get(history.size() - 1).hyper();
        List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        all.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(last[i] - first[i])).thenComparing(i -> i));
        List<Integer> out = new ArrayList<>(all.subList(0, MAX_LINES));
        out.sort(null);
        return out;
    }

    public static void write(JFreeChart chart, OutputStream out) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int k = 0; k < plot.getDataset().getSeriesCount(); k++) renderer.setSeriesStroke(k, new BasicStroke(2f));
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }
}
