/**
 * Optimizer runs played backwards: the "inverting the dynamics" answer to the O(T) memory of store-all.
 *
 * <p>The compiler ({@code hyp.compiler.reverse}) proves that an optimizer's step is a sequence of updates
 * {@code x ← γ·x + sign·f(state)} whose increments f can be recomputed after the update, and emits one
 * generated function per group of increments. An {@link hyp.runtime.reverse.UpdateSequence} holds that
 * description; a {@link hyp.runtime.reverse.ReversibleStep} runs it forwards and backwards, either in plain
 * doubles ({@link hyp.runtime.reverse.FloatReversibleStep}, which drifts) or exactly in 64-bit fixed point
 * with an information buffer ({@link hyp.runtime.reverse.ExactReversibleStep}, bit-for-bit).
 * {@link hyp.runtime.reverse.Reversible} is the hypergradient strategy built on the exact step, and
 * {@link hyp.runtime.reverse.FixedPointDynamics} the same trajectory as ordinary {@code Dynamics}, so that
 * store-all on it gives the reference hypergradient.
 */
package hyp.runtime.reverse;
