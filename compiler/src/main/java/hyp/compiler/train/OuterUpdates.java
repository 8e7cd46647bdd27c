package hyp.compiler.train;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.syntax.Decl;
import hyp.runtime.embed.OuterRule;
import hyp.runtime.hyper.OuterUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The update rule for λ named by a tune statement's {@code by} clause. The name selects one of the runtime's
 * rules: {@code sgd} is {@link hyp.runtime.hyper.SgdUpdate}; {@code adam} and {@code adam_corrected} are
 * {@link hyp.runtime.hyper.AdamUpdate}, the
 * bias-corrected form (the standard library's {@code adam} starts its moments at g₀ and g₀² instead; both take
 * the same first step, lr per entry). Settings are the statement's, over those of the optimizer of that name
 * (declared in the file or in the standard library), over the rule's usual defaults. The optimizer's body is
 * not run on λ: the tuner's update is the runtime's implementation of the named rule.
 */
public final class OuterUpdates {
    private OuterUpdates() {}

    /** The rule with its settings resolved, and how to print it. */
    public record Rule(String name, Map<String, Double> settings) {
        /** The runtime's form, which creates the update (the embedded solver uses the same). */
        public OuterRule runtime() {
            return new OuterRule(name, settings);
        }

        public OuterUpdate create() {
            return runtime().create();
        }

        /** E.g. {@code adam(lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1.0E-8)}. */
        public String describe() {
            return runtime().describe();
        }
    }

    private static final Map<String, List<String>> SETTINGS = Map.of(
            "sgd", List.of("lr"),
            "adam", List.of("lr", "b1", "b2", "eps"),
            "adam_corrected", List.of("lr", "b1", "b2", "eps"));

    private static Map<String, Double> defaults(String name) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (name.startsWith("adam")) {
            out.put("lr", 0.001);
            out.put("b1", 0.9);
            out.put("b2", 0.999);
            out.put("eps", 1e-8);
        }
        return out;
    }

    public static Rule resolve(CheckedProgram program, Decl.OptimizerUse use, ConstantExpr constants) {
        String name = use.name().name();
        List<String> known = SETTINGS.get(name);
        if (known == null) {
            throw CompileException.at(use.span(), "the tune statement's optimizer '" + name
                    + "' is not available for hyperparameters; use sgd(lr = ...), adam(lr = ...) or adam_corrected(lr = ...)");
        }
        Map<String, Double> settings = defaults(name);
        Decl.Optimizer declared = program.optimizers().get(name);
        if (declared != null) {
            for (Decl.Setting s : declared.settings()) {
                if (known.contains(s.name().name())) settings.put(s.name().name(), constants.value(s.value()));
            }
        }
        for (Decl.Setting s : use.settings()) {
            if (!known.contains(s.name().name())) {
                throw CompileException.at(s.span(), name + " on hyperparameters takes "
                        + String.join(", ", known) + ", not '" + s.name().name() + "'");
            }
            settings.put(s.name().name(), constants.value(s.value()));
        }
        if (!settings.containsKey("lr")) {
            throw CompileException.at(use.span(), name + " needs a learning rate: " + name + "(lr = ...)");
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String k : known) ordered.put(k, settings.get(k));
        Rule rule = new Rule(name, ordered);
        try {
            rule.create(); // checks the ranges now, with the statement's location
        } catch (IllegalArgumentException e) {
            throw CompileException.at(use.span(), e.getMessage());
        }
        return rule;
    }
}
