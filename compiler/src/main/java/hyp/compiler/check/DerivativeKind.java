package hyp.compiler.check;

import java.util.Locale;

/** The derivative built-ins, each of a def in its first parameter (JAX's convention). */
public enum DerivativeKind {
    /** grad(f, a...): the gradient; f has a real result. */
    GRAD,
    /** jvp(f, a..., v): the tangent of f's result along v. */
    JVP,
    /** vjp(f, a..., u): the cotangent of the first parameter for the result's cotangent u. */
    VJP,
    /** hvp(f, a..., v): the Hessian of f (real result) times v. */
    HVP;

    /** The name a .hyp file calls it by. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The argument after f's own, or null for grad. */
    String extra() {
        switch (this) {
            case JVP: return "a tangent";
            case VJP: return "a cotangent";
            case HVP: return "a direction";
            default: return null;
        }
    }

    static DerivativeKind of(String name) {
        for (DerivativeKind k : values()) if (k.keyword().equals(name)) return k;
        return null;
    }
}
