package hyp.compiler.ir;

import hyp.compiler.check.DerivativeKind;
import java.util.ServiceLoader;

/**
 * Where lowering gets the derivative code that {@code grad/jvp/vjp/hvp(f, ...)} inline: a transformation of f's IR,
 * which lives downstream in {@code hyp.compiler.ad}. The IR package only names this hook and finds its one
 * implementation through {@link ServiceLoader}, so the data still flows one way at compile time (ir → ad).
 */
public interface DerivativeCode {
    /** f's derivative code in its first parameter: adjoint for grad/vjp, tangent for jvp, tangent-of-adjoint for hvp. */
    Function derive(DerivativeKind kind, Function f);

    /** The implementation on the class path. */
    static DerivativeCode find() {
        return Holder.INSTANCE;
    }

    /** Loaded once, on first use. */
    final class Holder {
        private static final DerivativeCode INSTANCE = ServiceLoader.load(DerivativeCode.class, DerivativeCode.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + DerivativeCode.class.getName()
                        + " on the class path (hyp.compiler.ad provides it)"));

        private Holder() {}
    }
}
