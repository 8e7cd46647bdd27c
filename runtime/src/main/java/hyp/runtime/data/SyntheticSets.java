package hyp.runtime.data;

import hyp.runtime.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named synthetic sets written as the CSV files the examples bind: {@code X.csv}, {@code y.csv}
 * (training) and {@code Xv.csv}, {@code yv.csv} (validation), plus {@code w_true.csv} for
 * {@code logreg}. Training and validation rows are consecutive draws from the same model.
 *
 * <ul>
 *   <li>{@code logreg}: {@link Synthetic#logreg}, labels ±1; options n, m (validation rows), d,
 *       informative, noise, seed.
 *   <li>{@code kernel-logreg}: {@link Synthetic#circles}, labels 0/1; options n, m, noise, seed.
 *   <li>{@code two-moons}: {@link Synthetic#twoMoons}, labels 0/1; options n, m, noise, seed.
 * </ul>
 */
public final class SyntheticSets {
    private SyntheticSets() {}

    /** The names {@link #write} accepts. */
    public static List<String> names() {
        return List.of("logreg", "kernel-logreg", "two-moons");
    }

    /** A one-line description of set {@code name}, for help texts. */
    public static String describe(String name) {
        return switch (checkName(name)) {
            case "logreg" -> "sparse logistic regression, labels -1/+1, few informative features among many";
            case "kernel-logreg" -> "two noisy concentric circles in the plane, labels 0/1 (1 = inner)";
            default -> "two interleaved noisy half circles in the plane, labels 0/1";
        };
    }

    /** The options of set {@code name} with their default values, in a fixed order. */
    public static Map<String, String> defaults(String name) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("n", checkName(name).equals("logreg") ? "100" : "200");
        d.put("m", d.get("n"));
        switch (name) {
            case "logreg" -> {
                d.put("d", "50");
                d.put("informative", "5");
                d.put("noise", "1.0");
            }
            case "kernel-logreg" -> d.put("noise", Double.toString(Synthetic.KERNEL_NOISE));
            default -> d.put("noise", "0.2");
        }
        d.put("seed", "1");
        return d;
    }

    /**
     * Generates set {@code name} and writes its files into {@code dir} (created if missing), with a
     * {@code .csv.gz} suffix when {@code gzip}.
     *
     * @param options values overriding {@link #defaults}, as text
     * @return the files written, in the order X, y, Xv, yv (then w_true)
     * @throws IllegalArgumentException for an unknown set or option, or a malformed option value
     */
    public static List<Path> write(String name, Path dir, Map<String, String> options, boolean gzip)
            throws IOException {
        Map<String, String> opts = defaults(name);
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!opts.containsKey(e.getKey())) {
                throw new IllegalArgumentException("synthetic set " + name + ": unknown option '" + e.getKey()
                        + "'; options: " + String.join(", ", opts.keySet()));
            }
            opts.put(e.getKey(), e.getValue());
        }
        int n = positive(name, opts, "n");
        int m = positive(name, opts, "m");
        int total = n + m;
        if (total < 0) {
            throw new IllegalArgumentException("synthetic set " + name + ": n + m is too large");
        }
        double noise = nonNegative(name, opts, "noise");
        long seed = integer(name, opts, "seed");
        Map<String, Tensor> files = new LinkedHashMap<>();
        Dataset all;
        switch (name) {
            case "logreg" -> {
                int d = positive(name, opts, "d");
                long informative = integer(name, opts, "informative");
                if (informative < 0 || informative > d) {
                    throw bad(name, "informative", opts.get("informative"), "an integer from 0 to d = " + d);
                }
                SyntheticLogreg s = Synthetic.logreg(total, d, (int) informative, noise, seed);
                all = s.data();
                files.put("w_true", s.trueWeights());
            }
            case "kernel-logreg" -> all = Synthetic.circles(total, noise, Synthetic.KERNEL_INNER_RADIUS, seed);
            default -> all = Synthetic.twoMoons(total, noise, seed);
        }
        Dataset train = all.slice(0, n);
        Dataset valid = all.slice(n, total);
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        ordered.put("X", train.x());
        ordered.put("y", train.y());
        ordered.put("Xv", valid.x());
        ordered.put("yv", valid.y());
        ordered.putAll(files);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : ordered.entrySet()) {
            Path file = dir.resolve(e.getKey() + (gzip ? ".csv.gz" : ".csv"));
            CsvWriter.write(e.getValue(), file);
            written.add(file);
        }
        return written;
    }

    private static String checkName(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown synthetic set '" + name + "'; known: "
                    + String.join(", ", names()));
        }
        return name;
    }

    private static int positive(String set, Map<String, String> opts, String key) {
        long v = integer(set, opts, key);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw bad(set, key, opts.get(key), "a positive integer");
        }
        return (int) v;
    }

    private static long integer(String set, Map<String, String> opts, String key) {
        try {
            return Long.parseLong(opts.get(key).trim());
        } catch (NumberFormatException e) {
            throw bad(set, key, opts.get(key), "an integer");
        }
    }

    private static double nonNegative(String set, Map<String, String> opts, String key) {
        double v;
        try {
            v = Double.parseDouble(opts.get(key).trim());
        } catch (NumberFormatException e) {
            throw bad(set, key, opts.get(key), "a number");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw bad(set, key, opts.get(key), "a finite number >= 0");
        }
        return v;
    }

    private static IllegalArgumentException bad(String set, String key, String text, String expected) {
        return new IllegalArgumentException("synthetic set " + set + ": option " + key + " must be " + expected
                + ", got '" + text + "'");
    }
}
