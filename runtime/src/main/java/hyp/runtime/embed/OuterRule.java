package hyp.runtime.embed;

import hyp.runtime.hyper.AdamUpdate;
import hyp.runtime.hyper.OuterUpdate;
import hyp.runtime.hyper.SgdUpdate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The update rule a tune statement applies to λ, by name with its settings resolved: {@code sgd(lr)} is
 * {@link SgdUpdate}; {@code adam} and {@code adam_corrected} (lr, b1, b2, eps) are {@link AdamUpdate}.
 */
public record OuterRule(String name, Map<String, Double> settings) {
    public OuterRule {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A fresh update (each carries its own moments). */
    public OuterUpdate create() {
        switch (name) {
            case "sgd":
                return new SgdUpdate(setting("lr"));
            case "adam":
            case "adam_corrected":
                return new AdamUpdate(setting("lr"), setting("b1"), setting("b2"), setting("eps"));
            default:
                throw new IllegalArgumentException("no update rule '" + name + "' for hyperparameters; "
                        + "expected sgd, adam or adam_corrected");
        }
    }

    private double setting(String key) {
        Double v = settings.get(key);
        if (v == null) throw new IllegalArgumentException(name + " needs a setting '" + key + "'");
        return v;
    }

    /** E.g. {@code adam(lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1.0E-8)}. */
    public String describe() {
        StringBuilder s = new StringBuilder(name).append('(');
        settings.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '(' ? "" : ", ").append(k).append(" = ").append(v));
        return s.append(')').toString();
    }
}
