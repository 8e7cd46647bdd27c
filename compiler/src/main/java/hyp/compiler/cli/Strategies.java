package hyp.compiler.cli;

import hyp.runtime.embed.HypergradientMethods;
import hyp.runtime.hyper.HypergradientStrategy;

/** Hypergradient strategies by the names the command line uses (the runtime's {@link HypergradientMethods}). */
final class Strategies {
    private Strategies() {}

    static HypergradientStrategy parse(String method) {
        try {
            return HypergradientMethods.strategy(method);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
