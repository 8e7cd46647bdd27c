package hyp.compiler.ad;

import hyp.compiler.diag.InternalCompilerError;
import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Primitive;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The complex version of a def, for complex-step checking: every real value becomes a complex one and every real
 * tensor a complex tensor (ints and bools stay), each op is computed by its primitive's
 * {@link hyp.compiler.prim.Primitive#complexEmission}, and real literals become complex ones. Branches and loops
 * are copied as they are, so they go the way the real parts send them. Values keep their ids; only the literals'
 * conversions get new ones. The result is a plain IR {@link Function} that every back end compiles.
 */
public final class ComplexTransform {
    private final IrBuilder b;
    private final String function;

    private ComplexTransform(Function f) {
        this.b = IrBuilder.after(f, Prims.ARITHMETIC);
        this.function = f.name();
    }

    /** {@code f(x: real, X: real[n], k: int) -> real} becomes {@code f_complex(x: complex, X: complex[n], k: int) -> complex}. */
    public static Function of(Function f) {
        ComplexTransform t = new ComplexTransform(f);
        return new Function(f.name() + "_complex", f.paramNames(), t.block(f.body()));
    }

    /** The complex counterpart of a real or tensor type; other types are their own. */
    public static Type complexType(Type t) {
        return t.differentiable() ? new Type.Complex(t) : t;
    }

    /** The real type a complex one stands for; other types are their own. */
    public static Type realType(Type t) {
        return t instanceof Type.Complex c ? c.of() : t;
    }

    static Var complexVar(Var v) {
        return v.type().differentiable() ? new Var(v.id(), complexType(v.type()), v.hint()) : v;
    }

    private static List<Var> complexVars(List<Var> vars) {
        return vars.stream().map(ComplexTransform::complexVar).toList();
    }

    private Block block(Block block) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : block.nodes()) node(n, nodes);
        return new Block(complexVars(block.params()), nodes, complexVars(block.results()));
    }

    private void node(Node n, List<Node> out) {
        if (n instanceof Node.Const c) {
            constant(c, out);
        } else if (n instanceof Node.Op op) {
            out.add(op(op));
        } else if (n instanceof Node.If i) {
            out.add(new Node.If(i.cond(), block(i.then()), block(i.orElse()), complexVars(i.outs()), i.span()));
        } else if (n instanceof Node.While w) {
            out.add(new Node.While(complexVars(w.init()), block(w.cond()), block(w.body()), complexVars(w.outs()), w.span()));
        } else if (n instanceof Node.For f) {
            out.add(new Node.For(f.from(), f.to(), complexVars(f.init()), block(f.body()), complexVars(f.outs()), f.span()));
        } else {
            throw new InternalCompilerError(n.span(), "complex step of " + function + ": unknown node " + n);
        }
    }

    /** A real literal (or a real "no value yet", which is 0) is made as a double and converted. */
    private void constant(Node.Const c, List<Node> out) {
        if (!c.out().type().isReal()) {
            out.add(new Node.Const(complexVar(c.out()), c.value(), c.span()));
            return;
        }
        Var literal = b.fresh(Type.REAL, c.out().hint());
        out.add(new Node.Const(literal, c.value(), c.span()));
        out.add(new Node.Op(complexVar(c.out()), RealToComplex.INSTANCE, List.of(literal), null, c.span()));
    }

    /** Ops that touch a real value run as their complex version; those on ints and bools alone stay. */
    private Node.Op op(Node.Op op) {
        boolean real = op.out().type().differentiable() || op.args().stream().anyMatch(a -> a.type().differentiable());
        if (!real) return op;
        ComplexPrimitive prim = new ComplexPrimitive(Primitive.of(op));
        List<Var> args = complexVars(op.args());
        Var out = complexVar(op.out());
        try {
            Type expected = prim.resultType(args.stream().map(Var::type).toList(), op.attr());
            if (!expected.equals(out.type())) throw new ShapeError("yields " + expected + ", not " + out.type());
        } catch (ShapeError e) {
            throw new InternalCompilerError(op.span(), "complex step of " + function + ": " + op.prim().name() + " " + e.getMessage());
        }
        return new Node.Op(out, prim, args, op.attr(), op.span());
    }
}
