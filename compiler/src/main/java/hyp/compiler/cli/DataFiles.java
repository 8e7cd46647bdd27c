package hyp.compiler.cli;

import hyp.runtime.data.CsvReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --data NAME=FILE} options: CSV files read into tensors. */
final class DataFiles {
    private DataFiles() {}

    /**
     * Reads each file with {@link CsvReader#STRICT}: one row or one column gives a vector, anything else a
     * matrix. A file that cannot be read is a {@link UsageException} carrying the reader's message.
     */
    static Map<String, Object> load(List<String> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) throw new UsageException("--data '" + item + "' is not NAME=FILE");
            String name = item.substring(0, eq).trim();
            Path file = Path.of(item.substring(eq + 1).trim());
            try {
                out.put(name, CsvReader.STRICT.read(file));
            } catch (NoSuchFileException e) {
                throw new UsageException("no such file: " + file + " (--data " + name + ")");
            } catch (IOException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return out;
    }
}
