package example;

import hyp.runtime.embed.Solver;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.hyper.TuningListener;
import hyp.runtime.hyper.TuningResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tunes per-feature L2 weights of a logistic regression: the model is src/main/hyp/logreg.hyp, compiled by
 * hyp-maven-plugin into hyp.generated.Logreg; the data are CSV files read here into plain arrays.
 */
public final class TuneLogreg {
    private TuneLogreg() {}

    /** The solver of logreg.hyp with the four data sets of {@code dir} bound from memory. */
    public static Solver solver(Path dir) throws IOException {
        Solver solver = Solver.load("hyp.generated.Logreg");
        for (String name : List.of("X", "y", "Xv", "yv")) {
            List<String> rows = Files.readAllLines(dir.resolve(name + ".csv"));
            int cols = rows.get(0).split(",").length;
            double[] values = new double[rows.size() * cols];
            for (int i = 0; i < rows.size(); i++) {
                String[] cells = rows.get(i).split(",");
                for (int j = 0; j < cols; j++) values[i * cols + j] = Double.parseDouble(cells[j].trim());
            }
            // X and Xv are matrices (rows, features); y and yv vectors
            if (name.startsWith("X")) solver.data(name, values, rows.size(), cols);
            else solver.data(name, values, values.length);
        }
        return solver;
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "src/main/hyp/data/logreg");
        Solver solver = solver(data);
        Hypergradient g = solver.hypergradient("unrolled");
        System.out.printf("L_te = %.6f, |dL_te/drho| = %.3e (unrolled through %d Adam steps)%n",
                g.value(), g.gradientNorm(), solver.steps());
        TuningResult tuned = solver.tune(TuningListener.NONE);
        double before = solver.validationLoss(solver.hyperVector()), after = solver.validationLoss(tuned.hyper());
        System.out.printf("validation loss %.4f -> %.4f after %d rounds%n", before, after, solver.rounds());
    }
}
