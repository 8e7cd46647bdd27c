package hyp.compiler.backend.java;

import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import hyp.compiler.prim.Emission;

/**
 * IR types as Java types: real → double, int → int, bool → boolean, tensor → Tensor, tape → Tape, and in
 * complex-step code complex → Complex, complex tensor → ComplexTensor.
 */
final class JavaTypes {
    private JavaTypes() {}

    static final String TENSOR = "hyp.runtime.Tensor";
    static final String COMPLEX = "hyp.runtime.complex.Complex";
    static final String COMPLEX_TENSOR = "hyp.runtime.complex.ComplexTensor";

    static Type of(hyp.compiler.types.Type t, ClassRefs refs) {
        if (t instanceof hyp.compiler.types.Type.Tensor) return refs.type(TENSOR);
        if (t instanceof hyp.compiler.types.Type.Tape) return refs.type(Emission.TAPE);
        if (t instanceof hyp.compiler.types.Type.Complex c) return refs.type(c.of().isTensor() ? COMPLEX_TENSOR : COMPLEX);
        return switch (((hyp.compiler.types.Type.Scalar) t).kind()) {
            case REAL -> PrimitiveType.doubleType();
            case INT -> PrimitiveType.intType();
            case BOOL -> PrimitiveType.booleanType();
        };
    }
}
