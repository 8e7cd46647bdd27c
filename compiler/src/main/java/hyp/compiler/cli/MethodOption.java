package hyp.compiler.cli;

import hyp.compiler.diag.UsageException;
import hyp.runtime.hyper.HypergradientMethod;

/** The text of {@code --method} (or a tune statement's {@code using}) as a method; a bad one is a usage error. */
final class MethodOption {
    private MethodOption() {}

    static HypergradientMethod parse(String text) {
        try {
            return HypergradientMethod.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
