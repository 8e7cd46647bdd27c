package hyp.compiler.cli;

import hyp.runtime.embed.HypergradientMethods;
import hyp.runtime.hyper.HypergradientStrategy;

/** Hypergradient strategies by the names the command line uses (the runtime's {@link HypergradientMethods}). */
final class Strategies {
    private Strategies() {}

    /** Every hypergradient method the commands accept. */
    static final String METHODS = "unrolled, tree, binomial:S, numerical, implicit, complex or reversible";

    static HypergradientStrategy parse(String method) {
        try {
            return HypergradientMethods.strategy(method);
        } catch (IllegalArgumentException e) {
            // The runtime knows only its strategies; the command line has the others too.
            if (e.getMessage().startsWith("unknown method")) {
                throw new UsageException("unknown method '" + method + "'; expected " + METHODS);
            }
            throw new UsageException(e.getMessage());
        }
    }
}
