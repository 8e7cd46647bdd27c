/**
 * Hypergradients of a validation loss with respect to hyperparameters, through an optimizer run.
 *
 * <p>The compiler generates {@link Dynamics} (one optimizer step, its adjoint, the outer loss) and
 * {@link InnerObjective} (what implicit differentiation needs at an inner optimum) from {@code .hyp} optimizer
 * loops. The strategies here drive that code: {@link StoreAll} (the reference), {@link TreeCheckpointing},
 * {@link BinomialCheckpointing}, {@link Implicit} and {@link NumericalHypergradient}; the tuning drivers
 * {@link GreedyTuner} and {@link ImplicitTuner} repeat them.
 *
 * <p>All vectors are flattened {@code double[]}. By convention a state vector holds the weights w
 * first, followed by the optimizer's memory (momentum, second moments, ...).
 */
package hyp.runtime.hyper;
