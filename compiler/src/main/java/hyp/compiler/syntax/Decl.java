package hyp.compiler.syntax;

import hyp.compiler.diag.Span;
import java.util.List;

/** A top-level declaration. */
public sealed interface Decl {
    Span span();

    /** {@code def f(x: real, w) -> real = expr} or with a block body. {@code ret} may be null (inferred). */
    record Def(Ident name, List<Param> params, TypeRef ret, Expr exprBody, Block blockBody, Span span) implements Decl {}

    /** A def parameter; {@code type} is null when it takes the type of the data/param/hyper of that name. */
    record Param(Ident name, TypeRef type, Span span) {}

    /**
     * {@code data X: real[n, d] from "X.csv"}, {@code param w: real[d] = 0}, {@code hyper rho: real[d] = -3}.
     * {@code source} (a path relative to the .hyp file) and {@code init} may be null.
     */
    /** {@code format} is how the file's values are turned into the declared tensor: null, or {@code onehot}. */
    record Var(VarKind kind, Ident name, TypeRef type, Expr init, Ident source, Ident format, Span span) implements Decl {}

    enum VarKind {
        DATA, PARAM, HYPER;

        public String keyword() {
            return name().toLowerCase();
        }
    }

    /** {@code optimizer adam(lr = 0.001, ...) { init {...} step {...} until cond }}; init and until may be null. */
    record Optimizer(Ident name, List<Setting> settings, Block init, Block step, Expr until, Span span) implements Decl {}

    /**
     * {@code train w on loss by adam(lr = 0.05) for 200 steps}, or {@code ... for 20 epochs batch 128 seed 7}; steps
     * and batch may be null; {@code epochs} says the count is of epochs (passes over the training set). {@code start},
     * from {@code train w from exp(s) * w on ...}, is the initial point as an expression of the param's declared value
     * and the hypers (null: the declared value itself).
     */
    record Train(List<Ident> targets, Expr start, Ident loss, OptimizerUse by, Expr steps, boolean epochs, Batch batch,
            Span span) implements Decl {
        /** The steps of a statement without {@code for T steps}. */
        public static final int DEFAULT_STEPS = 100;
    }

    /** {@code batch 128 seed 7}: minibatches of the training data; seed may be null (then 0). */
    record Batch(Expr size, Expr seed, Span span) {}

    /** {@code tune rho on loss by adam(lr = 0.1) for 50 rounds using reversible}; rounds and method may be null. */
    record Tune(List<Ident> targets, Ident loss, OptimizerUse by, Expr rounds, Ident method, Span span) implements Decl {}

    /** {@code name = value} in optimizer headers and uses. */
    record Setting(Ident name, Expr value, Span span) {}

    /** {@code adam(lr = 0.05)} naming an optimizer and overriding some of its settings. */
    record OptimizerUse(Ident name, List<Setting> settings, Span span) {}
}
