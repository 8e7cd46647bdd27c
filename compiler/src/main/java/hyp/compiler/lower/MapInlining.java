package hyp.compiler.lower;

import hyp.compiler.check.CheckedDef;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Inliner;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers {@code map(f, X1, ..., Xk)}: f is lowered on its own, turned into code on whole batches by
 * {@link Batching}, and that code inlined at the call like a def call, with the data tensors for f's parameters
 * and the caller's values of the globals f reads.
 */
final class MapInlining {
    private final CheckedProgram program;
    /** Batched code per (def, number of rows), made once per lowering however often it is called. */
    private final Map<String, Function> batched = new HashMap<>();

    MapInlining(CheckedProgram program) {
        this.program = program;
    }

    Var inline(IrBuilder b, CheckedDef def, List<Var> rows, Map<String, Var> globals, Span at) {
        Dim n = ((Type.Tensor) rows.get(0).type()).dims().get(0);
        List<Var> in = new ArrayList<>(rows);
        for (String g : def.globals()) {
            Var v = globals.get(g);
            if (v == null) throw CompileException.at(at, "'" + def.name() + "' reads '" + g + "', which has no value here");
            in.add(v);
        }
        Function code = batched.computeIfAbsent(def.name() + " " + n, key ->
                Batching.batch(Lowering.lower(program, def.name()), rows.size(), n, def.name(), at));
        return Inliner.inline(b, code, in).get(0);
    }
}
