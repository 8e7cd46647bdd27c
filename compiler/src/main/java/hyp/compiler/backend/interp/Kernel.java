package hyp.compiler.backend.interp;

/** One IR operation, resolved once from its {@link hyp.compiler.prim.Emission}: boxed arguments in, boxed result out. */
@FunctionalInterface
interface Kernel {
    Object apply(Object[] args);
}
