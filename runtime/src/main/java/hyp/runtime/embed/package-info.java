/**
 * Generated code embedded in plain Java programs: {@link hyp.runtime.embed.Solver} runs a compiled .hyp file's
 * train and tune statements (hypergradients by a named method, tuning) from a model jar alone, reading the
 * wiring {@code hyp compile} writes beside the generated classes ({@link hyp.runtime.embed.Wiring}). Nothing
 * here depends on the compiler.
 */
package hyp.runtime.embed;
