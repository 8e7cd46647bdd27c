package hyp.compiler.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --data NAME=FILE} options: CSV files read into tensors. */
final class DataFiles {
    private DataFiles() {}

    static Map<String, Object> load(List<String> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!items.isEmpty()) throw new UsageException("--data is not available yet; pass values with --at");
        return out;
    }
}
