package hyp.compiler.report;

import hyp.runtime.data.AtomicFile;
import hyp.runtime.reverse.ChainDrift;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;

/**
 * {@code hyp chain --report DIR}: {@code chain.csv} (one row per step t: the errors of the recovered state and the
 * drawn weight in both chains), {@code drift.png} and {@code chain.png}; for lbfgs the same with two
 * inversions. The files are written as one set
 * ({@link ReportDirectory}).
 */
public final class ChainReport {
    private ChainReport() {}

    public static List<Path> write(Path dir, ChainDrift.Result r, String title) throws IOException {
        Map<String, AtomicFile.Content> files = ReportDirectory.files();
        StringBuilder csv = new StringBuilder("t,w_error,state_error,w_norm,w_true_" + r.element() + ",w_recovered_"
                + r.element() + "\n");
        for (int t = 0; t <= r.steps(); t++) {
            csv.append(t).append(',').append(r.parameterError()[t]).append(',').append(r.stateError()[t]).append(',')
                    .append(r.parameterNorm()[t]).append(',').append(r.trueFirst()[t]).append(',')
                    .append(r.recoveredFirst()[t]).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        files.put("chain.csv", out -> out.write(bytes));
        files.put("drift.png", out -> ChainCharts.drift(r, title, out));
        files.put("chain.png", out -> ChainCharts.chains(r, title, out));
        return ReportDirectory.write(dir, files);
    }

    /**
     * The same files for two inversions of one chain ({@code hyp chain} on lbfgs): the errors of both in
     * chain.csv, both curves in drift.png, the true chain and both recovered ones in chain.png.
     */
    public static List<Path> writeTwo(Path dir, ChainDrift.Result subtract, ChainDrift.Result recompute, String title)
            throws IOException {
        Map<String, AtomicFile.Content> files = ReportDirectory.files();
        int i = subtract.element();
        StringBuilder csv = new StringBuilder("t,w_error_subtract,w_error_recompute,state_error_subtract,"
                + "state_error_recompute,w_norm,w_true_" + i + ",w_subtract_" + i + ",w_recompute_" + i + "\n");
        for (int t = 0; t <= subtract.steps(); t++) {
            csv.append(t).append(',').append(subtract.parameterError()[t]).append(',')
                    .append(recompute.parameterError()[t]).append(',').append(subtract.stateError()[t]).append(',')
                    .append(recompute.stateError()[t]).append(',').append(subtract.parameterNorm()[t]).append(',')
                    .append(subtract.trueFirst()[t]).append(',').append(subtract.recoveredFirst()[t]).append(',')
                    .append(recompute.recoveredFirst()[t]).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        files.put("chain.csv", out -> out.write(bytes));
        files.put("drift.png", out -> ChainCharts.driftTwo(subtract, recompute, title, out));
        files.put("chain.png", out -> ChainCharts.chainsTwo(subtract, recompute, title, out));
        return ReportDirectory.write(dir, files);
    }
}
