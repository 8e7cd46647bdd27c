package hyp.compiler.gradcheck;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A primitive applied to arguments of given kinds: the one-op def {@code f(params) = prim(args)} under test. */
record Case(Primitive prim, Object attr, List<Arg> args) {
    Case(Primitive prim, Arg... args) {
        this(prim, null, List.of(args));
    }

    Case(Primitive prim, Object attr, Arg... args) {
        this(prim, attr, List.of(args));
    }

    /** The def: one parameter per non-literal argument; literals become constants in its body. */
    Function function() {
        IrBuilder b = new IrBuilder(Prims.ARITHMETIC);
        List<Var> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Arg a : args) {
            if (a instanceof Arg.Literal) continue;
            names.add("x" + params.size());
            params.add(b.fresh(a.type(), names.get(names.size() - 1)));
        }
        Block body = b.block(params, () -> {
            Var[] in = new Var[args.size()];
            int p = 0;
            for (int i = 0; i < in.length; i++) {
                in[i] = args.get(i) instanceof Arg.Literal l ? b.real(l.value()) : params.get(p++);
            }
            return List.of(b.op(prim, attr, in));
        });
        return new Function(prim.name(), names, body);
    }

    /** Arguments for the def's parameters. */
    List<Object> draw(Random r, double edgy) {
        List<Object> out = new ArrayList<>();
        for (Arg a : args) if (!(a instanceof Arg.Literal)) out.add(a.draw(r, edgy));
        return out;
    }

    @Override
    public String toString() {
        List<String> kinds = new ArrayList<>();
        for (Arg a : args) kinds.add(a instanceof Arg.Literal l ? Double.toString(l.value()) : a.type().toString());
        return prim.name() + (attr == null ? "" : "[" + attr + "]") + kinds;
    }
}
