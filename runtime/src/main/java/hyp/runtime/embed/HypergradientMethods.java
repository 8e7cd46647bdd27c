package hyp.runtime.embed;

import hyp.runtime.hyper.BinomialCheckpointing;
import hyp.runtime.hyper.HypergradientStrategy;
import hyp.runtime.hyper.NumericalHypergradient;
import hyp.runtime.hyper.StoreAll;
import hyp.runtime.hyper.TreeCheckpointing;

/** Hypergradient strategies by the names .hyp files and the hyp command use. */
public final class HypergradientMethods {
    private HypergradientMethods() {}

    /**
     * {@code unrolled}, {@code tree}, {@code binomial:S} (S stored states) or {@code numerical}.
     *
     * @throws IllegalArgumentException for any other name, saying which are known
     */
    public static HypergradientStrategy strategy(String method) {
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
            throw new IllegalArgumentException("binomial takes a number of stored states >= 1, e.g. binomial:8");
        }
        throw new IllegalArgumentException("unknown method '" + method + "'; expected unrolled, tree, binomial:S or numerical");
    }

    /** As {@link #strategy}, where plain {@code binomial} (as a tune statement writes it) stores about √k of k steps. */
    public static HypergradientStrategy forRounds(String method, int stepsPerRound) {
        if (method.equals("binomial")) return new BinomialCheckpointing(Math.max(1, (int) Math.ceil(Math.sqrt(stepsPerRound))));
        return strategy(method);
    }
}
