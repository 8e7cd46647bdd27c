package hyp.runtime.data;

/**
 * Whether the first content line of a CSV file (after the byte-order mark, blank lines and comments) is
 * a header of column names.
 */
public enum CsvHeader {
    /** The first line is a header: it is skipped and its field count fixes the row length. */
    PRESENT,
    /** There is no header: the first line is data like every other. */
    ABSENT,
    /**
     * The first line is a header exactly when every non-empty field is a name: not a number (NaN and
     * infinities count as numbers) and not starting like one ({@code 1x}, {@code -2.5e}, {@code .5q}).
     * So a numeric file whose first value is corrupt is data with a located error, never a dropped row.
     */
    DETECT
}
