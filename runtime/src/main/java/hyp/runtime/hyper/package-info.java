/**
 * Hypergradients of a validation loss with respect to hyperparameters, through an optimizer run.
 *
 * <p>The compiler generates {@link hyp.runtime.hyper.Dynamics} (one optimizer step, its adjoint, the
 * outer loss) and {@link hyp.runtime.hyper.InnerObjective} (what implicit differentiation needs at an
 * inner optimum) from {@code .hyp} optimizer loops. The strategies here drive that code:
 * {@link hyp.runtime.hyper.StoreAll} (the reference), {@link hyp.runtime.hyper.TreeCheckpointing},
 * {@link hyp.runtime.hyper.BinomialCheckpointing}, {@link hyp.runtime.hyper.Implicit} and
 * {@link hyp.runtime.hyper.NumericalHypergradient}; the tuning drivers
 * {@link hyp.runtime.hyper.GreedyTuner} and {@link hyp.runtime.hyper.ImplicitTuner} repeat them.
 *
 * <p>All vectors are flattened {@code double[]}. By convention a state vector holds the weights w
 * first, followed by the optimizer's memory (momentum, second moments, ...).
 */
package hyp.runtime.hyper;
