package hyp.compiler.backend.bytecode;

import hyp.compiler.ir.Function;
import hyp.compiler.ir.Var;
import java.util.List;
import org.objectweb.asm.Type;

/** How IR types appear on the JVM: real → double, int → int, bool → boolean, tensor → hyp.runtime.Tensor. */
final class JvmTypes {
    private JvmTypes() {}

    static final Type TENSOR = Type.getObjectType("hyp/runtime/Tensor");
    static final Type TAPE = Type.getObjectType("hyp/runtime/tape/Tape");
    /** The values of complex-step code (see hyp.compiler.ad.ComplexTransform). */
    static final Type COMPLEX = Type.getObjectType("hyp/runtime/complex/Complex");
    static final Type COMPLEX_TENSOR = Type.getObjectType("hyp/runtime/complex/ComplexTensor");
    static final Type OBJECT = Type.getType(Object.class);
    static final Type OBJECT_ARRAY = Type.getType(Object[].class);
    static final Type DOUBLE_ARRAY = Type.getType(double[].class);
    static final Type TENSOR_ARRAY = Type.getType("[" + TENSOR.getDescriptor());

    static Type of(hyp.compiler.types.Type t) {
        if (t instanceof hyp.compiler.types.Type.Scalar s) {
            switch (s.kind()) {
                case REAL: return Type.DOUBLE_TYPE;
                case INT: return Type.INT_TYPE;
                default: return Type.BOOLEAN_TYPE;
            }
        }
        if (t instanceof hyp.compiler.types.Type.Tensor) return TENSOR;
        if (t instanceof hyp.compiler.types.Type.Tape) return TAPE;
        if (t instanceof hyp.compiler.types.Type.Complex c) return c.of().isTensor() ? COMPLEX_TENSOR : COMPLEX;
        throw new IllegalStateException("no JVM type for " + t);
    }

    static Type of(Var v) {
        return of(v.type());
    }

    /** void for no results, the value's type for one, Object[] (boxed, in order) for several. */
    static Type returnType(List<Var> results) {
        if (results.isEmpty()) return Type.VOID_TYPE;
        return results.size() == 1 ? of(results.get(0)) : OBJECT_ARRAY;
    }

    static String descriptor(Function f) {
        Type[] params = f.params().stream().map(JvmTypes::of).toArray(Type[]::new);
        return Type.getMethodDescriptor(returnType(f.body().results()), params);
    }
}
