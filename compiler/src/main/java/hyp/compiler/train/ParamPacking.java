package hyp.compiler.train;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.CompileException;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.Inliner;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.opt.Simplify;
import hyp.compiler.prim.IndexSpec;
import hyp.compiler.prim.Prims;
import hyp.compiler.syntax.Decl;
import hyp.compiler.syntax.Ident;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import hyp.runtime.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The params a train statement trains, as the optimizer sees them: one param as it is, or several
 * ({@code train W1, b1, W2 on ...}) packed into one vector of literal length, in statement order, each entry
 * row-major. {@link #wrap} turns a function reading the params by name into one reading the packed vector and
 * taking each param as a reshaped slice of it, so grad(w) is the concatenation of the per-param gradients.
 */
public final class ParamPacking {
    private final String name;
    private final List<String> targets;
    private final List<Type> types;
    private final Type type;

    private ParamPacking(String name, List<String> targets, List<Type> types, Type type) {
        this.name = name;
        this.targets = targets;
        this.types = types;
        this.type = type;
    }

    /** The packing of {@code train}'s targets; a single target is its own packing. */
    public static ParamPacking of(CheckedProgram program, Decl.Train train) {
        List<Ident> ids = train.targets();
        if (ids.size() == 1) {
            String only = ids.get(0).name();
            Type t = program.globals().get(only).type();
            return new ParamPacking(only, List.of(only), List.of(t), t);
        }
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        int total = 0;
        for (Ident id : ids) {
            if (!seen.add(id.name())) throw CompileException.at(id.span(), "'" + id.name() + "' is trained twice");
            Type t = program.globals().get(id.name()).type();
            if (t instanceof Type.Tensor tt && tt.dims().stream().anyMatch(Dim::symbolic)) {
                throw CompileException.at(id.span(), "training several params at once packs them into one vector, "
                        + "so their sizes must be literal; '" + id.name() + "' is " + t);
            }
            if (!t.differentiable()) throw CompileException.at(id.span(), "'" + id.name() + "' is a " + t + ", not real");
            names.add(id.name());
            types.add(t);
            total = Math.addExact(total, size(t));
        }
        String packed = "params_" + String.join("_", names);
        while (program.globals().containsKey(packed)) packed += "_";
        return new ParamPacking(packed, List.copyOf(names), List.copyOf(types), Type.tensor(Dim.of(total)));
    }

    /** The name the optimizer's state and the generated functions give the trained value. */
    public String name() {
        return name;
    }

    /** Its type: the param's own, or a vector of the params' total size. */
    public Type type() {
        return type;
    }

    /** The params, in packing order. */
    public List<String> targets() {
        return targets;
    }

    private boolean packed() {
        return targets.size() > 1;
    }

    private static int size(Type t) {
        if (!(t instanceof Type.Tensor tt)) return 1;
        int n = 1;
        for (Dim d : tt.dims()) n = Math.multiplyExact(n, d.size());
        return n;
    }

    private int offset(int k) {
        int off = 0;
        for (int j = 0; j < k; j++) off += size(types.get(j));
        return off;
    }

    /**
     * f with the packed vector as its first parameter in place of the params it reads (the other parameters keep
     * their order); f itself when there is one param.
     */
    public Function wrap(Function f) {
        if (!packed()) return f;
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        Var w = b.fresh(type, name);
        List<Var> params = new ArrayList<>(List.of(w));
        List<String> names = new ArrayList<>(List.of(name));
        Var[] args = new Var[f.params().size()];
        for (int i = 0; i < args.length; i++) {
            if (targets.contains(f.paramNames().get(i))) continue;
            args[i] = b.fresh(f.params().get(i).type(), f.paramNames().get(i));
            params.add(args[i]);
            names.add(f.paramNames().get(i));
        }
        Block body = b.block(params, () -> {
            for (int i = 0; i < args.length; i++) {
                int k = targets.indexOf(f.paramNames().get(i));
                if (k >= 0) args[i] = part(b, w, k);
            }
            return Inliner.inline(b, f, Arrays.asList(args));
        });
        return Simplify.run(new Function(f.name(), names, body));
    }

    /** Param k read from the packed vector: an entry, a slice, or a slice reshaped. */
    private Var part(IrBuilder b, Var w, int k) {
        int from = offset(k), n = size(types.get(k));
        if (!(types.get(k) instanceof Type.Tensor t)) {
            return b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.GET1, null), w, b.integer(from));
        }
        Var slice = b.op(Prims.INDEX, new IndexSpec(IndexSpec.Form.SLICE, Dim.of(n)), w, b.integer(from), b.integer(from + n));
        return t.rank() == 1 ? slice : b.op(Prims.RESHAPE, t.dims(), slice);
    }

    /** {@code values} (by name) with the packed vector added, built from the params' values. */
    public Map<String, Object> pack(Map<String, Object> values) {
        if (!packed()) return values;
        double[] flat = new double[size(type)];
        for (int k = 0; k < targets.size(); k++) {
            Object v = values.get(targets.get(k));
            if (v == null) throw new IllegalArgumentException("no value for '" + targets.get(k) + "'");
            double[] part = v instanceof Tensor t ? t.data : new double[] {(Double) v};
            if (part.length != size(types.get(k))) {
                throw new IllegalArgumentException("'" + targets.get(k) + "' has " + part.length + " entries where "
                        + types.get(k) + " holds " + size(types.get(k)));
            }
            System.arraycopy(part, 0, flat, offset(k), part.length);
        }
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.put(name, new Tensor(flat, flat.length));
        return out;
    }

    /** Each param's value (a Double or a Tensor of its declared shape) from the trained value. */
    public Map<String, Object> unpack(Object trained) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!packed()) {
            out.put(name, trained);
            return out;
        }
        double[] flat = ((Tensor) trained).data;
        for (int k = 0; k < targets.size(); k++) {
            int from = offset(k), n = size(types.get(k));
            if (types.get(k) instanceof Type.Tensor t) {
                int[] shape = t.dims().stream().mapToInt(Dim::size).toArray();
                out.put(targets.get(k), new Tensor(Arrays.copyOfRange(flat, from, from + n), shape));
            } else {
                out.put(targets.get(k), flat[from]);
            }
        }
        return out;
    }
}
