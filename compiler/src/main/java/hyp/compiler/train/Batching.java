package hyp.compiler.train;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Global;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Span;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Expr;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.data.Minibatches;
import hyp.runtime.train.BatchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A train statement's batch clause resolved against its training loss. The batch dimension is the first dimension
 * of the first data declaration (in file order) the loss reads whose first dimension is a name; every data the loss
 * reads with that first dimension is batched. Inside the loss that name then has the batch's size, so
 * {@code sum(...) / n} and {@code mean(...)} are batch means. Other data, params and hypers the loss reads must not
 * carry the batch dimension (they could not follow the rows).
 *
 * @param span where bind-time problems (a batch larger than the set) are reported
 */
public record Batching(BatchRule rule, Span span) {
    /** The statement's batching, or null when it has no batch clause. */
    static Batching of(CheckedProgram program, Decl.Train train, List<String> lossReads) {
        Decl.Batch clause = train.batch();
        if (clause == null) return null;
        String dim = null;
        List<String> data = new ArrayList<>();
        for (Global g : program.globals().values()) {
            if (!lossReads.contains(g.name()) || g.kind() != Decl.VarKind.DATA) continue;
            if (!(g.type() instanceof Type.Tensor t) || !t.dims().get(0).symbolic()) continue;
            if (dim == null) dim = t.dims().get(0).name();
            if (t.dims().get(0).name().equals(dim)) data.add(g.name());
        }
        if (dim == null) {
            throw CompileException.at(clause.span(), "a batch needs data that '" + train.loss().name()
                    + "' reads with a named first dimension (like data X: real[n, d]); it reads none");
        }
        for (Global g : program.globals().values()) {
            if (!lossReads.contains(g.name()) || !(g.type() instanceof Type.Tensor t)) continue;
            List<Dim> dims = t.dims();
            for (int axis = 0; axis < dims.size(); axis++) {
                if (!dims.get(axis).equals(Dim.named(dim)) || (axis == 0 && data.contains(g.name()))) continue;
                throw CompileException.at(clause.span(), "minibatches take rows of the data whose first dimension is '"
                        + dim + "' (" + String.join(", ", data) + "), but " + g.kind().keyword() + " '" + g.name()
                        + "' read by '" + train.loss().name() + "' has '" + dim + "' at axis " + axis
                        + " and cannot follow the rows");
            }
        }
        int size = (int) ((Expr.Num) clause.size()).value();
        long seed = clause.seed() == null ? 0 : (long) ((Expr.Num) clause.seed()).value();
        return new Batching(new BatchRule(dim, data, size, seed, train.epochs()), clause.span());
    }

    /** The batches for these data values; a batch larger than the set is a located error. */
    public Minibatches bind(Map<String, Object> values) {
        try {
            return rule.bind(values);
        } catch (IllegalArgumentException e) {
            throw CompileException.at(span, e.getMessage());
        }
    }
}
