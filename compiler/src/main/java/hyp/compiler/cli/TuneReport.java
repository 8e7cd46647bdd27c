package hyp.compiler.cli;

import hyp.runtime.data.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --report DIR}: {@code history.json} (one object per round), {@code loss.png} and {@code hyper.png}.
 * Each file is written to a temporary file in DIR and then moved over the old one, so a reader never sees half
 * a file and a failed run leaves the previous report whole.
 */
final class TuneReport {
    private TuneReport() {}

    /** The files written, in order. */
    static List<Path> write(Path dir, Map<String, Object> summary, List<TuneHistory.Entry> history,
                            HyperNames names, String lossName) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
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
        written.add(AtomicFile.write(dir.resolve("history.json"), out -> out.write(text)));
        written.add(AtomicFile.write(dir.resolve("loss.png"), out -> TuneCharts.loss(history, lossName, out)));
        written.add(AtomicFile.write(dir.resolve("hyper.png"), out -> TuneCharts.hyper(history, names.entries(), out)));
        return written;
    }
}
