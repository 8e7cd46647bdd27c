package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.check.CheckedDef;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Global;
import hyp.compiler.diag.UsageException;
import hyp.compiler.ir.Function;
import hyp.compiler.syntax.Decl;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import hyp.runtime.metrics.Auc;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code --auc DEF:X:Y}: 1 − the one-vs-rest macro AUC of a classifier written as a def. DEF takes one example (a
 * row of the data matrix X) and returns one score per class, reading the file's params and hypers as it likes; Y
 * holds the labels, one-hot rows or class indices. A def cannot sort, so the ranking is done here.
 */
final class AucMetric {
    private final String def, x, y;
    private final Function function;
    private final Method method;

    private AucMetric(String def, String x, String y, Function function, Method method) {
        this.def = def;
        this.x = x;
        this.y = y;
        this.function = function;
        this.method = method;
    }

    /** Parses and checks every {@code --auc} option, compiling the defs they name into one class. */
    static List<AucMetric> parse(CheckedProgram program, List<String> specs) {
        if (specs.isEmpty()) return List.of();
        List<String[]> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split(":", -1);
            if (p.length != 3 || Arrays.stream(p).anyMatch(String::isBlank)) {
                throw new UsageException("--auc '" + spec + "' is not DEF:X:Y (a scoring def, a data matrix, its labels)");
            }
            check(program, p[0].trim(), p[1].trim(), p[2].trim());
            parts.add(p);
            names.add(p[0].trim());
        }
        List<Function> functions = Pipeline.lower(program).stream().filter(f -> names.contains(f.name())).toList();
        String className = "hyp.generated.Scores";
        Class<?> generated = ModelCompiler.load(className, functions);
        List<AucMetric> out = new ArrayList<>();
        for (String[] p : parts) {
            Function f = functions.stream().filter(g -> g.name().equals(p[0].trim())).findFirst().orElseThrow();
            out.add(new AucMetric(p[0].trim(), p[1].trim(), p[2].trim(), f, Invoker.find(generated, f.name())));
        }
        return out;
    }

    private static void check(CheckedProgram program, String def, String x, String y) {
        CheckedDef d = program.def(def);
        if (d == null) throw new UsageException("--auc: no def '" + def + "'");
        Global gx = program.globals().get(x), gy = program.globals().get(y);
        if (gx == null || gx.kind() != Decl.VarKind.DATA || !(gx.type() instanceof Type.Tensor tx) || tx.rank() != 2) {
            throw new UsageException("--auc: '" + x + "' must be a data matrix, one example per row");
        }
        if (gy == null || gy.kind() != Decl.VarKind.DATA || !gy.type().isTensor()) {
            throw new UsageException("--auc: '" + y + "' must be data holding the labels (one-hot rows or class indices)");
        }
        Type row = new Type.Tensor(tx.dims().subList(1, 2));
        if (d.paramTypes().size() != 1 || !row.equals(d.paramTypes().get(0))) {
            throw new UsageException("--auc: '" + def + "' must take one example, a " + row + " like a row of " + x);
        }
        if (!(d.result() instanceof Type.Tensor r) || r.rank() != 1) {
            throw new UsageException("--auc: '" + def + "' must return one score per class, not " + d.result());
        }
    }

    /** How the metric is named in tables and JSON. */
    String label() {
        return "1-AUC " + def + "(" + x + ") vs " + y;
    }

    /** 1 − macro AUC of the def's scores over the rows of X, at these values of data, params and hypers. */
    double oneMinusAuc(Map<String, Object> values) {
        Tensor rows = (Tensor) values.get(x), labels = (Tensor) values.get(y);
        int n = rows.dim(0), d = rows.dim(1);
        Object[] args = new Object[function.params().size()];
        for (int i = 1; i < args.length; i++) args[i] = values.get(function.paramNames().get(i));
        double[] scores = null;
        int k = 0;
        for (int i = 0; i < n; i++) {
            args[0] = new Tensor(Arrays.copyOfRange(rows.data, i * d, (i + 1) * d), d);
            Tensor s = (Tensor) Invoker.call(method, args);
            if (scores == null) {
                k = s.size();
                scores = new double[n * k];
            }
            System.arraycopy(s.data, 0, scores, i * k, k);
        }
        return 1 - Auc.macroOneVsRest(scores, k, classes(labels, n));
    }

    /** Class indices from one-hot (or score) rows by their largest entry, or from a vector of indices. */
    private int[] classes(Tensor labels, int n) {
        if (labels.dim(0) != n) throw new UsageException("--auc: " + y + " has " + labels.dim(0) + " labels for " + n + " rows of " + x);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (labels.rank() == 1) {
                out[i] = (int) labels.data[i];
            } else {
                int width = labels.dim(1), best = 0;
                for (int c = 1; c < width; c++) if (labels.data[i * width + c] > labels.data[i * width + best]) best = c;
                out[i] = best;
            }
        }
        return out;
    }
}
