/**
 * A .hyp file compiled to its model: generated classes, the solver's wiring and their Java source, for {@code hyp
 * compile} and the Maven plugin alike ({@link hyp.compiler.build.ModelCompiler}).
 */
package hyp.compiler.build;
