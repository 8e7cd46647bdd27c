package hyp.runtime.hyper;

/**
 * A way to compute dL_te/dλ, by the name a tune statement's {@code using}, the command line's {@code --method} and
 * the embedding {@code Solver} take. The names are parsed here and only here: {@link #parse} gives the one error
 * that lists every method, {@link #name} gives the text back.
 */
public sealed interface HypergradientMethod {
    /** Every method name, as the error for an unknown one lists them. */
    String NAMES = "unrolled, tree, binomial, binomial:S, numerical, numerical:C, implicit, complex, reversible or "
            + "reversible:B";

    /** The name this method is parsed from. */
    String name();

    /** Reverse mode through the run, every state stored. */
    record Unrolled() implements Standalone {
        @Override
        public String name() {
            return "unrolled";
        }

        @Override
        public HypergradientStrategy strategy(int steps) {
            return new StoreAll();
        }
    }

    /** Reverse mode through the run, O(log T) states stored. */
    record Tree() implements Standalone {
        @Override
        public String name() {
            return "tree";
        }

        @Override
        public HypergradientStrategy strategy(int steps) {
            return new TreeCheckpointing();
        }
    }

    /**
     * Reverse mode through the run with {@code snapshots} stored states; null (plain {@code binomial}, as a tune
     * statement writes it) stores about √T of the T steps differentiated.
     */
    record Binomial(Integer snapshots) implements Standalone {
        public Binomial {
            if (snapshots != null && snapshots < 1) {
                throw new IllegalArgumentException("binomial takes a number of stored states >= 1, e.g. binomial:8");
            }
        }

        @Override
        public String name() {
            return snapshots == null ? "binomial" : "binomial:" + snapshots;
        }

        @Override
        public HypergradientStrategy strategy(int steps) {
            return new BinomialCheckpointing(snapshots != null ? snapshots : Math.max(1, (int) Math.ceil(Math.sqrt(steps))));
        }
    }

    /**
     * Central differences of the whole run with steps h_i = {@code stepScale}·max(1, |λ_i|); null (plain
     * {@code numerical}) takes ∛ε, which balances truncation and rounding for a run that is smooth on that scale.
     */
    record Numerical(Double stepScale) implements Standalone {
        public Numerical {
            if (stepScale != null && !(stepScale > 0 && stepScale < 1)) {
                throw new IllegalArgumentException(STEP_SCALE);
            }
        }

        public Numerical() {
            this(null);
        }

        @Override
        public String name() {
            return stepScale == null ? "numerical" : "numerical:" + stepScale;
        }

        @Override
        public HypergradientStrategy strategy(int steps) {
            return stepScale == null ? new NumericalHypergradient() : new NumericalHypergradient(stepScale);
        }
    }

    String STEP_SCALE = "numerical:C takes a step scale 0 < C < 1 (steps h = C·max(1, |λ|)), e.g. numerical:1e-7";

    /** The implicit function theorem at the last iterate, solved by conjugate gradients. */
    record Implicit() implements HypergradientMethod {
        @Override
        public String name() {
            return "implicit";
        }
    }

    /** The complex step through the whole run: exact to rounding, for checking; it needs the compiler. */
    record Complex() implements HypergradientMethod {
        @Override
        public String name() {
            return "complex";
        }
    }

    /**
     * The optimizer run backwards exactly in fixed point, with {@code fracBits} fractional bits for every state
     * entry (0 to 62), or, when null, bits sized per entry from a double run of the same steps.
     */
    record Reversible(Integer fracBits) implements HypergradientMethod {
        public Reversible {
            if (fracBits != null && (fracBits < 0 || fracBits > 62)) {
                throw new IllegalArgumentException("reversible:B takes a number of fractional bits from 0 to 62, e.g. reversible:40");
            }
        }

        @Override
        public String name() {
            return fracBits == null ? "reversible" : "reversible:" + fracBits;
        }
    }

    /** The methods that are a {@link HypergradientStrategy} by themselves, needing only the dynamics. */
    sealed interface Standalone extends HypergradientMethod permits Unrolled, Tree, Binomial, Numerical {
        /** The strategy for differentiating through {@code steps} steps. */
        HypergradientStrategy strategy(int steps);
    }

    /**
     * The method named {@code text}.
     *
     * @throws IllegalArgumentException for an unknown name (listing every method) or a bad count after the colon
     */
    static HypergradientMethod parse(String text) {
        int colon = text.indexOf(':');
        String head = colon < 0 ? text : text.substring(0, colon);
        String count = colon < 0 ? null : text.substring(colon + 1);
        switch (head) {
            case "binomial":
                return new Binomial(count == null ? null : number(count,
                        "binomial takes a number of stored states >= 1, e.g. binomial:8"));
            case "numerical":
                if (count == null) break;
                try {
                    return new Numerical(Double.parseDouble(count));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(STEP_SCALE);
                }
            case "reversible":
                return new Reversible(count == null ? null : number(count,
                        "reversible:B takes a number of fractional bits from 0 to 62, e.g. reversible:40"));
            default:
                break;
        }
        HypergradientMethod m = switch (text) {
            case "unrolled" -> new Unrolled();
            case "tree" -> new Tree();
            case "numerical" -> new Numerical();
            case "implicit" -> new Implicit();
            case "complex" -> new Complex();
            default -> null;
        };
        if (m == null) throw new IllegalArgumentException("unknown hypergradient method '" + text + "'; expected " + NAMES);
        return m;
    }

    private static int number(String digits, String expected) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected);
        }
    }
}
