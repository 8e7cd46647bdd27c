package hyp.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark of this module and prints the comparisons side by side: SIMD against
 * scalar loops, our matrix product against EJML and a triple loop (with GFLOP/s), the LeNet
 * convolutions, and the cost of generated gradient and Hessian-vector code relative to the forward
 * evaluation. Accepts the usual JMH options (e.g. {@code -wi 2 -i 3 -f 1}) and an optional
 * benchmark pattern.
 */
public final class Compare {
    private final Map<String, Double> scores = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include("hyp\\.bench\\..*Bench");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Compare c = new Compare();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceFirst("^hyp\\.bench\\.", "");
            String layer = r.getParams().getParam("layer");
            String batch = r.getParams().getParam("batch");
            String d = r.getParams().getParam("d");
            String key = layer != null ? name + "[" + layer + ",b=" + batch + "]" : d != null ? name + "[d=" + d + "]" : name;
            // sampled calls: the median, which other processes on the machine disturb less than the mean
            boolean sampled = r.getParams().getMode() == Mode.SampleTime;
            c.scores.put(key, sampled ? r.getPrimaryResult().getStatistics().getPercentile(50) : r.getPrimaryResult().getScore());
            c.units.put(key, r.getPrimaryResult().getScoreUnit());
        }
        c.print();
    }

    private void print() {
        System.out.println();
        System.out.println("==== hyp kernels: side by side (average time per call, lower is better) ====");
        System.out.println("level 1, one thread");
        for (String bench : new String[] {"Blas1Bench", "Blas1NoSuperWordBench"}) {
            String tag = bench.equals("Blas1Bench") ? "" : ", no auto-vect.";
            for (String op : new String[] {"dot", "axpy"}) {
                time("  " + op + " n=4096 SIMD" + tag, bench + "." + op + "Simd");
                time("  " + op + " n=4096 scalar loop" + tag, bench + "." + op + "Scalar");
                ratio("  " + op + " speed-up" + tag, bench + "." + op + "Scalar", bench + "." + op + "Simd", 3.0);
            }
        }
        double flops = 2.0 * 512 * 512 * 512;
        System.out.println();
        System.out.println("matmul 512x512x512 (2n^3 = " + (long) flops + " flops)");
        for (String b : new String[] {"ours", "oursTransA", "oursTransB", "oursAllThreads", "ejml", "tripleLoop"}) {
            gflops("  " + b, "MatMulBench." + b, flops);
        }
        ratio("  ours vs EJML (1 thread)", "MatMulBench.ejml", "MatMulBench.ours", 3.0);
        ratio("  ours vs triple loop", "MatMulBench.tripleLoop", "MatMulBench.ours", 0);
        System.out.println();
        System.out.println("conv2d, 5x5 filters, 1 thread");
        for (String layer : new String[] {"lenet1", "lenet2"}) {
            for (String batch : new String[] {"1", "16"}) {
                int b = Integer.parseInt(batch);
                double convFlops = layer.equals("lenet1") ? 2.0 * b * 6 * 25 * 24 * 24 : 2.0 * b * 16 * 150 * 10 * 10;
                String tag = "[" + layer + ",b=" + batch + "]";
                for (String op : new String[] {"forward", "adjointInput", "adjointFilter", "forwardDirectLoops"}) {
                    gflops("  " + layer + " batch " + batch + " " + op, "Conv2dBench." + op + tag, convFlops);
                }
                ratio("  " + layer + " batch " + batch + " forward vs direct loops",
                        "Conv2dBench.forwardDirectLoops" + tag, "Conv2dBench.forward" + tag, 0);
            }
        }
        gradientCosts();
        lenet();
    }

    /** Generated derivative code against its forward evaluation, and against the scalar code path. */
    private void gradientCosts() {
        if (scores.keySet().stream().noneMatch(k -> k.startsWith("GradientCost") || k.startsWith("FusionBench"))) {
            return;
        }
        System.out.println();
        System.out.println("generated derivative code / forward evaluation (1 thread, median per call; gradients w.r.t. the parameters)");
        String[][] models = {{"logistic", "logistic loss, n=2000 d=200"}, {"net", "two-layer tanh net, n=2000 d=200 h=256"}};
        for (String[] m : models) {
            String base = "GradientCostBench." + m[0];
            if (!scores.containsKey(base + "Forward")) {
                continue;
            }
            System.out.println("  " + m[1]);
            time("    forward", base + "Forward");
            time("    adjoint gradient", base + "Gradient");
            time("    Hessian-vector product", base + "HessianVector");
            cost("    gradient / forward", base + "Gradient", base + "Forward", 3.0);
            cost("    Hessian-vector / forward", base + "HessianVector", base + "Forward", 6.0);
        }
        System.out.println("  element-wise fusion alone: an Adam-style update (12 element-wise ops), one loop vs one kernel per op");
        for (String d : new String[] {"4096", "1000000"}) {
            String tag = "[d=" + d + "]";
            time("    d=" + d + " fused", "FusionBench.adamFused" + tag);
            time("    d=" + d + " unfused", "FusionBench.adamUnfused" + tag);
            ratio("    d=" + d + " fusion speed-up", "FusionBench.adamUnfused" + tag, "FusionBench.adamFused" + tag, 0);
        }
        System.out.println("  speed-up of kernels + fusion against the scalar code path (plain loops, no fusion)");
        for (String m : new String[] {"logistic", "net"}) {
            for (String what : new String[] {"Forward", "Gradient", "HessianVector"}) {
                String fast = "GradientCostBench." + m + what;
                ratio("    " + m + " " + what + " vs scalar path", "GradientCostScalarBench." + m + what, fast, 0);
                ratio("    " + m + " " + what + " vs kernels unfused", "GradientCostUnfusedBench." + m + what, fast, 0);
            }
        }
    }

    /** LeNet at batch 128: per-example batched code against the per-image loop, and the HVP's cost. */
    private void lenet() {
        if (scores.keySet().stream().noneMatch(k -> k.startsWith("LeNetBench"))) {
            return;
        }
        int n = LeNetBench.BATCH;
        System.out.println();
        System.out.println("LeNet, batch " + n + ", one thread (time per call; per image = / " + n + ")");
        gflops("  batched forward", "LeNetBench.batchedForward", LeNetBench.FORWARD_FLOPS * n);
        gflops("  batched forward + gradient", "LeNetBench.batchedGradient", LeNetBench.GRADIENT_FLOPS * n);
        gflops("  batched Hessian-vector product", "LeNetBench.batchedHessianVector", 2 * LeNetBench.GRADIENT_FLOPS * n);
        gflops("  per-image loop forward + gradient", "LeNetBench.loopedGradient", LeNetBench.GRADIENT_FLOPS * n);
        gflops("  per-image loop, batched by the compiler", "LeNetBench.loopBatchedGradient", LeNetBench.GRADIENT_FLOPS * n);
        Double g = scores.get("LeNetBench.batchedGradient");
        if (g != null) System.out.printf("%-44s %10.3f us%n", "  batched forward + gradient per image", g / n);
        ratio("  batched vs per-image loop", "LeNetBench.loopedGradient", "LeNetBench.batchedGradient", 10.0);
        cost("  Hessian-vector / (forward + gradient)", "LeNetBench.batchedHessianVector", "LeNetBench.batchedGradient", 3.0);
    }

    /** A cost ratio (lower is better) against an upper target. */
    private void cost(String label, String numerator, String denominator, double target) {
        Double a = scores.get(numerator);
        Double b = scores.get(denominator);
        if (a == null || b == null) {
            return;
        }
        double r = a / b;
        System.out.printf("%-44s %8.2fx  (target <= %.0fx: %s)%n", label, r, target, r <= target ? "met" : "NOT met");
    }

    private void ratio(String label, String slow, String fast, double target) {
        Double s = scores.get(slow);
        Double f = scores.get(fast);
        if (s == null || f == null) {
            return;
        }
        double r = s / f;
        String verdict = target > 0 ? (r >= target ? "  (target >= " + target + "x: met)"
                : "  (target >= " + target + "x: NOT met)") : "";
        System.out.printf("%-44s %8.2fx%s%n", label, r, verdict);
    }

    private void time(String label, String key) {
        Double t = scores.get(key);
        if (t != null) {
            System.out.printf("%-44s %10.3f %-6s%n", label, t, units.get(key));
        }
    }

    private void gflops(String label, String key, double flops) {
        Double t = scores.get(key);
        if (t == null) {
            return;
        }
        double seconds = t * switch (units.get(key)) {
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> 1.0;
        };
        System.out.printf("%-44s %10.3f %-6s %7.2f GFLOP/s%n", label, t, units.get(key), flops / seconds / 1e9);
    }
}
