package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A data declaration's file read as the declaration asks: IDX ({@link IdxReader#isIdx by name}) or CSV, fitted to the
 * declared dimensions (each a name or a size in digits), and, with {@code as onehot}, class indices turned into
 * one-hot rows. Used alike by the command line and by the embedded solver.
 *
 * <p>Fitting an IDX file: the first dimension is the rows; when the declaration's rank differs from the header's,
 * each row's entries are laid out row-major in the declared trailing dimensions, which must hold as many entries
 * (so {@code real[n, 784]} and {@code real[n, 1, 28, 28]} both read a header [N, 28, 28]); one trailing dimension
 * may be a name, which then takes the size left over. One-hot: the file holds one integer class index per row
 * (0 … K−1) and the declaration is {@code real[n, K]} with K a number.
 */
public final class DataFile {
    /** The one format a declaration may ask for. */
    public static final String ONE_HOT = "onehot";

    private DataFile() {}

    /**
     * @param declared the declared dimensions, names or digits
     * @param format   null, or {@link #ONE_HOT}
     * @param what     the declaration as the user should read it, e.g. "data X: real[n, 784]"
     */
    public static Tensor read(Path file, List<String> declared, String format, String what) throws IOException {
        boolean idx = IdxReader.isIdx(file.getFileName().toString());
        boolean oneHot = ONE_HOT.equals(format);
        Tensor t;
        if (idx) {
            t = IdxReader.read(file);
        } else {
            boolean matrix = declared.size() == 2 && !oneHot;
            t = matrix ? CsvReader.STRICT.readMatrix(file) : CsvReader.STRICT.read(file);
        }
        if (oneHot) return oneHot(t, file, declared, what);
        return idx ? fit(t, file, declared, what) : t;
    }

    private static Tensor fit(Tensor t, Path file, List<String> declared, String what) throws IOException {
        if (declared.size() == t.rank() || declared.isEmpty()) return t; // ShapeBinding compares them size by size
        long perRow = 1;
        for (int k = 1; k < t.rank(); k++) perRow *= t.shape[k];
        long literal = 1;
        int named = -1;
        for (int k = 1; k < declared.size(); k++) {
            String d = declared.get(k);
            if (Character.isDigit(d.charAt(0))) {
                literal *= Long.parseLong(d);
            } else if (named < 0) {
                named = k;
            } else {
                throw mismatch(file, t, what, "more than one named dimension after the first, so the split is not known");
            }
        }
        boolean fits = named < 0 ? literal == perRow : literal > 0 && perRow % literal == 0;
        if (!fits) {
            throw mismatch(file, t, what, "rows of " + perRow + " entries do not fill the declared trailing dimensions"
                    + (named < 0 ? " (" + literal + " entries)" : ""));
        }
        int[] shape = new int[declared.size()];
        shape[0] = t.shape[0];
        for (int k = 1; k < shape.length; k++) {
            shape[k] = k == named ? (int) (perRow / literal) : Integer.parseInt(declared.get(k));
        }
        return new Tensor(t.data, shape);
    }

    private static Tensor oneHot(Tensor t, Path file, List<String> declared, String what) throws IOException {
        if (declared.size() != 2 || !Character.isDigit(declared.get(1).charAt(0))) {
            throw new DataFormatException(file.toString(), 0, 0, what + ": 'as onehot' needs a declaration real[n, K] with"
                    + " K, the number of classes, written as a number");
        }
        if (t.rank() != 1) {
            throw mismatch(file, t, what, "'as onehot' reads one class index per row, a file of rank 1");
        }
        int classes = Integer.parseInt(declared.get(1));
        int rows = t.shape[0];
        double[] out = new double[Math.multiplyExact(rows, classes)];
        for (int r = 0; r < rows; r++) {
            double v = t.data[r];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new DataFormatException(file.toString(), 0, 0, "row " + (r + 1) + " holds " + v + ", which is not a "
                        + "class index from 0 to " + (classes - 1) + " as " + what + " as onehot needs");
            }
            out[r * classes + (int) v] = 1.0;
        }
        return new Tensor(out, rows, classes);
    }

    private static DataFormatException mismatch(Path file, Tensor t, String what, String why) {
        return new DataFormatException(file.toString(), 0, 0, "the IDX header's dimensions " + Arrays.toString(t.shape)
                + " do not fit the declaration " + what + ": " + why);
    }
}
