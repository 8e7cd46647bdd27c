package hyp.compiler.ad;

import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Node;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Emission;
import hyp.compiler.prim.Primitive;
import hyp.compiler.types.ShapeError;
import hyp.compiler.types.Type;
import java.util.List;

/**
 * A primitive of complex-step code: {@code real} computed on the complex counterparts of its real values. Its
 * shape rule is the real one on the real types; back ends compute it by {@link Primitive#complexEmission}. Such
 * code is a numerical check, never differentiated itself, so it has no derivative rules.
 */
public record ComplexPrimitive(Primitive real) implements Primitive {
    @Override
    public boolean effectful() {
        return real.effectful();
    }

    @Override
    public String name() {
        return "complex." + real.name();
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        return ComplexTransform.complexType(real.resultType(realTypes(args), attr));
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return real.complexEmission(realTypes(args), attr);
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> tangents) {
        throw new UnsupportedOperationException(name() + ": complex-step code is not differentiated");
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cotangent) {
        throw new UnsupportedOperationException(name() + ": complex-step code is not differentiated");
    }

    private static List<Type> realTypes(List<Type> args) {
        return args.stream().map(ComplexTransform::realType).toList();
    }

    @Override
    public String toString() {
        return name();
    }
}
