package hyp.compiler.prim;

/** 1 where a ≥ b (or a ≤ b) else 0, element-wise: which argument max or min picked. Piecewise constant. */
final class Mask extends ElementwiseBinary implements NonDifferentiable {
    Mask(boolean greater) {
        super(greater ? "geMask" : "leMask", greater ? ">=" : "<=",
                new Emission.Call(Emission.SCALARS, greater ? "geMask" : "leMask"), false);
    }
}
