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
 * A real literal as a complex value (imaginary part 0): how complex-step code gets its constants, which back
 * ends can only hold as plain doubles.
 */
record RealToComplex() implements Primitive {
    static final RealToComplex INSTANCE = new RealToComplex();

    @Override
    public String name() {
        return "complex.of";
    }

    @Override
    public Type resultType(List<Type> args, Object attr) throws ShapeError {
        if (args.size() != 1 || !args.get(0).isReal()) throw new ShapeError("complex.of takes one real, not " + args);
        return new Type.Complex(Type.REAL);
    }

    @Override
    public Emission emission(List<Type> args, Object attr) {
        return new Emission.Call("hyp.runtime.complex.ComplexOps", "of");
    }

    @Override
    public Var jvp(IrBuilder b, Node.Op op, List<Var> tangents) {
        throw new UnsupportedOperationException("complex-step code is not differentiated");
    }

    @Override
    public List<Var> vjp(IrBuilder b, Node.Op op, Var cotangent) {
        throw new UnsupportedOperationException("complex-step code is not differentiated");
    }

    @Override
    public String toString() {
        return name();
    }
}
