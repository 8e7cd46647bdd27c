/**
 * The hyp runtime, all that a program using compiled .hyp models needs: {@link hyp.runtime.Tensor} (dense,
 * row-major doubles), the solver of a model's train and tune statements ({@link hyp.runtime.embed.Solver}), its
 * results and listeners ({@link hyp.runtime.hyper.Hypergradient}, {@link hyp.runtime.hyper.TuningResult},
 * {@link hyp.runtime.hyper.TuningListener}), and the kernels generated code calls. The SIMD kernels need
 * {@code --add-modules jdk.incubator.vector}; without it scalar loops run ({@link hyp.runtime.kernels.Simd}).
 */
package hyp.runtime;
