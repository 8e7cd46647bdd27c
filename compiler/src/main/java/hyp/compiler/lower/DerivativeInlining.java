package hyp.compiler.lower;

import hyp.compiler.check.Callee;
import hyp.compiler.check.CheckedDef;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.DerivativeKind;
import hyp.compiler.diag.CompileException;
import hyp.compiler.diag.Diagnostic;
import hyp.compiler.diag.Span;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Inliner;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers {@code grad/jvp/vjp/hvp(f, a..., [v])}: f is lowered on its own, its derivative code in the first
 * parameter made by the same transformations every other derivative comes from, and that code inlined at the call
 * like a def call. f's lowered code may itself hold inlined derivative code, so derivatives of derivatives come out
 * of the same rules ({@link Derivatives}, in f's first parameter only).
 */
final class DerivativeInlining {
    private final CheckedProgram program;
    /** Derivative code per (kind, def), derived once per lowering however often it is called. */
    private final Map<String, Function> derived = new HashMap<>();

    DerivativeInlining(CheckedProgram program) {
        this.program = program;
    }

    /**
     * Emits the call into {@code b}. {@code args} are the values after f: f's arguments, then v or u;
     * {@code globals} holds the caller's data/param/hyper values, which include those f reads.
     */
    Var inline(IrBuilder b, Callee.Derivative call, List<Var> args, Map<String, Var> globals, Span at) {
        CheckedDef def = call.def();
        int k = def.paramTypes().size();
        List<Var> in = new ArrayList<>();
        for (int i = 0; i < k; i++) in.add(asDeclared(b, args.get(i), def.paramTypes().get(i).isReal()));
        for (String g : def.globals()) {
            Var v = globals.get(g);
            if (v == null) throw CompileException.at(at, "'" + def.name() + "' reads '" + g + "', which has no value here");
            in.add(v);
        }
        Function code = derived.computeIfAbsent(call.kind() + " " + def.name(), key -> derive(call.kind(), def.name(), at));
        boolean realSeed = call.kind() == DerivativeKind.VJP ? def.result().isReal() : def.paramTypes().get(0).isReal();
        switch (call.kind()) {
            case GRAD:
                in.add(b.real(1.0));
                break;
            case HVP:
                in.add(b.real(1.0));
                in.add(asDeclared(b, args.get(k), realSeed));
                break;
            default:
                in.add(asDeclared(b, args.get(k), realSeed));
        }
        // Results: (y, xbar) for grad and vjp, (y, dy) for jvp, (y, xbar, dy, dxbar) for hvp.
        List<Var> out = Inliner.inline(b, code, in);
        return out.get(call.kind() == DerivativeKind.HVP ? 3 : 1);
    }

    private Function derive(DerivativeKind kind, String def, Span at) {
        Function f = Lowering.lower(program, def);
        try {
            return firstParameter(kind, f);
        } catch (CompileException e) {
            // A derivative the transformations cannot make yet: report it at the call that asks for it.
            Diagnostic d = e.diagnostics().get(0);
            throw CompileException.at(at, kind.keyword() + " of '" + def + "': " + d.message()
                    + " (the code in question is at " + d.span().line() + ":" + d.span().column() + ")");
        }
    }

    /** f's derivative code in its first parameter: adjoint for grad/vjp, tangent for jvp, tangent-of-adjoint for hvp. */
    private static Function firstParameter(DerivativeKind kind, Function f) {
        boolean[] first = new boolean[f.params().size()];
        first[0] = true;
        switch (kind) {
            case JVP: return Derivatives.tangent(f, first);
            case HVP: return Derivatives.hessianVector(f, first);
            default: return Derivatives.adjoint(f, first);
        }
    }

    /** An int argument where the def takes a real, converted as a def call converts it. */
    private static Var asDeclared(IrBuilder b, Var v, boolean real) {
        return real && v.type().isInt() ? b.op(Prims.TO_REAL, v) : v;
    }
}
