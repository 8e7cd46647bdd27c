package hyp.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A data declaration read from a Dataset's columns: {@code data y: real[n]} from one numeric column, {@code data
 * X: real[n, d]} from d numeric columns in order or from one array column of d numbers per row. Its first
 * dimension is the rows of the Dataset.
 */
public record RowBinding(String data, List<String> columns) implements Serializable {
    public RowBinding {
        Objects.requireNonNull(data, "RowBinding: data must not be null");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("RowBinding: data '" + data + "' needs at least one column");
    }

    /** The data declaration {@code data} from these columns, in order. */
    public static RowBinding of(String data, String... columns) {
        return new RowBinding(data, List.of(columns));
    }

    /** The data declaration {@code data} from the columns {@code prefix0}, …, {@code prefix(count−1)}. */
    public static RowBinding numbered(String data, String prefix, int count) {
        String[] c = new String[count];
        for (int i = 0; i < count; i++) c[i] = prefix + i;
        return of(data, c);
    }
}
