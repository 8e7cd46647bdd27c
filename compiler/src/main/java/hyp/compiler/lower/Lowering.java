package hyp.compiler.lower;

import hyp.compiler.check.CheckedDef;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.check.Global;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.syntax.Decl;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checked program to graph IR. Each def becomes a {@link Function} whose parameters are the def's own followed by
 * the data/param/hyper it reads; calls of other defs are inlined; dimension names used as values become the size
 * of an input that has them.
 */
public final class Lowering {
    private Lowering() {}

    public static List<Function> lowerAll(CheckedProgram program) {
        List<Function> out = new ArrayList<>();
        for (var d : program.program().all(Decl.Def.class)) {
            out.add(lower(program, d.name().name()));
        }
        return out;
    }

    public static Function lower(CheckedProgram program, String defName) {
        CheckedDef def = program.def(defName);
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        b.at(def.decl().span());
        List<Var> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Var> env = new LinkedHashMap<>();
        for (int i = 0; i < def.paramTypes().size(); i++) {
            String name = def.paramNames().get(i);
            Var v = b.fresh(def.paramTypes().get(i), name);
            params.add(v);
            names.add(name);
            env.put(name, v);
        }
        Map<String, Var> globals = new HashMap<>();
        for (String g : def.globals()) {
            Global global = program.globals().get(g);
            Var v = b.fresh(global.type(), g);
            params.add(v);
            names.add(g);
            globals.put(g, v);
        }
        DimValues dims = new DimValues(b, params);
        Var result = new DefLowering(program, b, globals, dims).inline(def, env);
        List<Node> nodes = new ArrayList<>(dims.prologue());
        nodes.addAll(b.topNodes());
        return ReductionLoops.apply(new Function(defName, names, new Block(params, nodes, List.of(result))));
    }

    /** Values of dimension names: the size of the first parameter axis that carries the name, computed up front. */
    static final class DimValues {
        private final IrBuilder b;
        private final List<Var> params;
        private final Map<String, Var> known = new HashMap<>();
        private final List<Node> prologue = new ArrayList<>();

        DimValues(IrBuilder b, List<Var> params) {
            this.b = b;
            this.params = params;
        }

        /** The value of dimension {@code name}, or null when no input has it. */
        Var get(String name) {
            Var v = known.get(name);
            if (v != null) return v;
            for (Var p : params) {
                if (!(p.type() instanceof Type.Tensor t)) continue;
                int axis = t.dims().indexOf(Dim.named(name));
                if (axis < 0) continue;
                Var out = b.fresh(Type.INT, name);
                prologue.add(new Node.Op(out, Prims.SIZE, List.of(p), axis, b.span()));
                known.put(name, out);
                return out;
            }
            return null;
        }

        List<Node> prologue() {
            return prologue;
        }
    }
}
