package hyp.compiler.ir;

/**
 * The operators {@link IrBuilder}'s arithmetic helpers emit (after folding x·1, x+0, 0·x and the like). The IR core
 * names no concrete operator; the primitives supply these ({@code Prims.ARITHMETIC}).
 */
public record Arithmetic(Operator add, Operator sub, Operator mul, Operator div, Operator neg, Operator sum,
                         Operator broadcast) {}
