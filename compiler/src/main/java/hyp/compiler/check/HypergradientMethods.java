package hyp.compiler.check;

import java.util.Set;

/** Names fixed by the language rather than by declarations. */
final class HypergradientMethods {
    private HypergradientMethods() {}

    /** The strategies a tune statement may ask for with {@code using}. */
    static final Set<String> METHODS = Set.of("unrolled", "tree", "binomial", "implicit", "numerical", "reversible");
}
