package hyp.compiler.check;

import java.util.Map;
import java.util.Set;

/** Optimizers a train or tune statement may name without declaring them, with their settings. */
final class StandardOptimizers {
    private StandardOptimizers() {}

    static final Map<String, Set<String>> SETTINGS = Map.of(
            "sgd", Set.of("lr"),
            "momentum", Set.of("lr", "beta"),
            "nesterov", Set.of("lr", "beta"),
            "adam", Set.of("lr", "b1", "b2", "eps"),
            "lbfgs", Set.of("lr", "history"),
            "gd", Set.of("lr", "rule", "c", "shrink"));

    /** The strategies a tune statement may ask for with {@code using}. */
    static final Set<String> METHODS = Set.of("unrolled", "tree", "binomial", "implicit", "numerical", "reversible");
}
