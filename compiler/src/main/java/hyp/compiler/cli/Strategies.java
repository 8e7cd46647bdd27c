package hyp.compiler.cli;

import hyp.runtime.hyper.BinomialCheckpointing;
import hyp.runtime.hyper.HypergradientStrategy;
import hyp.runtime.hyper.NumericalHypergradient;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.hyper.TreeCheckpointing;

/** Hypergradient strategies by the names the command line uses. */
final class Strategies {
    private Strategies() {}

    static HypergradientStrategy parse(String method) {
        if (method.equals("unrolled")) return new StoreAll();
        if (method.equals("tree")) return new TreeCheckpointing();
        if (method.equals("numerical")) return new NumericalHypergradient();
        if (method.startsWith("binomial:")) {
            try {
                int s = Integer.parseInt(method.substring("binomial:".length()));
                if (s >= 1) return new BinomialCheckpointing(s);
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("binomial takes a number of stored states >= 1, e.g. binomial:8");
        }
        throw new UsageException("unknown method '" + method + "'; expected unrolled, tree, binomial:S or numerical");
    }
}
