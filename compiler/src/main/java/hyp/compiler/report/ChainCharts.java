package hyp.compiler.report;

import hyp.runtime.reverse.ChainDrift;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The plots of {@code hyp chain --report}: the recovered chain's error against t, and one weight's two chains. */
public final class ChainCharts {
    private static final int WIDTH = 900, HEIGHT = 560;

    static {
        // Set before AWT first loads: rendering to an image needs no display.
        System.setProperty("java.awt.headless", "true");
    }

    private ChainCharts() {}

    /**
     * ‖w_t(recovered) − w_t(true)‖ on a log scale; steps where it is 0 (or not finite) are left out, and a
     * chain recovered exactly is drawn as a flat line at 0 on a linear scale.
     */
    public static void drift(ChainDrift.Result r, String title, OutputStream out) throws IOException {
        XYSeries s = new XYSeries("||w_t(recovered) - w_t(true)||");
        boolean any = false;
        for (int t = 0; t <= r.steps(); t++) {
            double e = r.parameterError()[t];
            if (e > 0 && Double.isFinite(e)) {
                s.add(t, e);
                any = true;
            }
        }
        if (!any) for (int t = 0; t <= r.steps(); t++) s.add(t, 0.0);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step t", "||w_t(recovered) - w_t(true)||",
                new XYSeriesCollection(s));
        chart.removeLegend();
        if (any) {
            LogAxis log = new LogAxis("||w_t(recovered) - w_t(true)||  (log scale)");
            log.setSmallestValue(1e-300);
            chart.getXYPlot().setRangeAxis(log);
            int nonFinite = 0;
            for (double e : r.parameterError()) if (!Double.isFinite(e)) nonFinite++;
            chart.addSubtitle(new TextTitle("steps where the recovered chain equals the true one are not drawn"
                    + (nonFinite > 0 ? "; " + nonFinite + " steps where it is no longer finite" : "")));
        } else {
            chart.addSubtitle(new TextTitle("the recovered chain equals the true one bit for bit at every step"));
        }
        write(chart, r.steps(), out);
    }

    /** w_t[i] of the true chain and of the recovered one, for the element i that moved most. */
    public static void chains(ChainDrift.Result r, String title, OutputStream out) throws IOException {
        XYSeries truth = new XYSeries("true chain (forward)");
        XYSeries recovered = new XYSeries("recovered chain (inverse)");
        for (int t = 0; t <= r.steps(); t++) {
            truth.add(t, r.trueFirst()[t]);
            if (Double.isFinite(r.recoveredFirst()[t])) recovered.add(t, r.recoveredFirst()[t]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(truth);
        data.addSeries(recovered);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step t", "w_t[" + r.element() + "]", data);
        write(chart, r.steps(), out);
    }

    /**
     * Both inversions' ‖w_t(recovered) − w_t(true)‖ in one log-scale plot (lbfgs); zeros and non-finite errors
     * are left out, as in {@link #drift}.
     */
    static void driftTwo(ChainDrift.Result subtract, ChainDrift.Result recompute, String title, OutputStream out)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(errors("subtract the kept step (w = w - s3)", subtract));
        data.addSeries(errors("recompute the step (w = w + a H grad)", recompute));
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step t", "||w_t(recovered) - w_t(true)||", data);
        LogAxis log = new LogAxis("||w_t(recovered) - w_t(true)||  (log scale)");
        log.setSmallestValue(1e-300);
        chart.getXYPlot().setRangeAxis(log);
        chart.addSubtitle(new TextTitle("walked back from the true s_T; steps where a recovered chain equals the true "
                + "one are not drawn"));
        write(chart, subtract.steps(), out);
    }

    private static XYSeries errors(String name, ChainDrift.Result r) {
        XYSeries s = new XYSeries(name);
        for (int t = 0; t <= r.steps(); t++) {
            double e = r.parameterError()[t];
            if (e > 0 && Double.isFinite(e)) s.add(t, e);
        }
        return s;
    }

    /** w_t[i] of the true chain and of both recovered ones (lbfgs), i the element that moved most. */
    static void chainsTwo(ChainDrift.Result subtract, ChainDrift.Result recompute, String title, OutputStream out)
            throws IOException {
        XYSeries truth = new XYSeries("true chain (forward)");
        XYSeries sub = new XYSeries("subtract the kept step");
        XYSeries rec = new XYSeries("recompute the step");
        for (int t = 0; t <= subtract.steps(); t++) {
            truth.add(t, subtract.trueFirst()[t]);
            if (Double.isFinite(subtract.recoveredFirst()[t])) sub.add(t, subtract.recoveredFirst()[t]);
            if (Double.isFinite(recompute.recoveredFirst()[t])) rec.add(t, recompute.recoveredFirst()[t]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(truth);
        data.addSeries(sub);
        data.addSeries(rec);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step t", "w_t[" + subtract.element() + "]", data);
        write(chart, subtract.steps(), out);
    }

    private static void write(JFreeChart chart, int steps, OutputStream out) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getDomainAxis().setRange(0, Math.max(1, steps));
        if (plot.getRangeAxis() instanceof NumberAxis n) n.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int k = 0; k < plot.getDataset().getSeriesCount(); k++) {
            renderer.setSeriesStroke(k, new BasicStroke(k == 0 ? 3f : 1.5f));
            renderer.setSeriesShapesVisible(k, false);
        }
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }
}
