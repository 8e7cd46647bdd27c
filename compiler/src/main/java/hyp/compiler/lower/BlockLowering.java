package hyp.compiler.lower;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.syntax.Expr;
import hyp.compiler.syntax.Stmt;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Lowers statements and expressions outside defs (optimizer blocks, settings, stopping rules) into a builder,
 * with the names in scope given by the caller.
 */
public final class BlockLowering {
    private final DefLowering lowering;
    private final Lowering.DimValues dims;

    /** @param params the function's parameters, whose tensor axes give dimension names their sizes */
    public BlockLowering(CheckedProgram program, IrBuilder b, Map<String, Var> globals, List<Var> params) {
        this.dims = new Lowering.DimValues(b, params);
        this.lowering = new DefLowering(program, b, globals, dims);
    }

    /** Runs the statements from {@code env}; the operators give grad(x) and loss(x) of the loss being minimised. */
    public Map<String, Var> run(List<Stmt> stmts, Map<String, Var> env, UnaryOperator<Var> gradOfLoss,
                                UnaryOperator<Var> lossOf) {
        return lowering.run(stmts, env, gradOfLoss, lossOf);
    }

    public Var expression(Expr e, Map<String, Var> names) {
        return lowering.expression(e, names);
    }

    /** Size computations of dimension names that were used; they belong at the start of the function. */
    public List<Node> prologue() {
        return dims.prologue();
    }
}
