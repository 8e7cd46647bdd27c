package hyp.compiler.report;

import hyp.runtime.data.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --report DIR}: {@code history.json} (one object per round), {@code loss.png} and {@code hyper.png}.
 * The files are written as one set ({@link ReportDirectory}): a reader never sees half a file or a mix of two
 * runs, and a failed run leaves the previous report whole.
 */
public final class TuneReport {
    private TuneReport() {}

    /** The files written, in order. */
    public static List<Path> write(Path dir, Map<String, Object> summary, List<TuneHistory.Entry> history,
                            HyperNames names, String lossName) throws IOException {
        Map<String, AtomicFile.Content> files = ReportDirectory.files();
        Map<String, Object> json = new LinkedHashMap<>(summary);
        List<Object> rounds = new ArrayList<>();
        for (TuneHistory.Entry e : history) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("round", e.round());
            r.put("L_te", e.validationLoss());
            r.put("gradientNorm", e.gradientNorm());
            r.put("hyper", names.values(e.hyper()));
            r.put("elapsedMs", e.elapsedMillis());
            rounds.add(r);
        }
        json.put("history", rounds);
        byte[] text = (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
        files.put("history.json", out -> out.write(text));
        files.put("loss.png", out -> TuneCharts.loss(history, lossName, out));
        files.put("hyper.png", out -> TuneCharts.hyper(history, names.entries(), out));
        return ReportDirectory.write(dir, files);
    }
}
