package hyp.compiler.backend.java;

import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import hyp.compiler.prim.Emission;

/** IR types as Java types: real → double, int → int, bool → boolean, tensor → Tensor, tape → Tape. */
final class JavaTypes {
    private JavaTypes() {}

    static final String TENSOR = "hyp.runtime.Tensor";

    static Type of(hyp.compiler.types.Type t, ClassRefs refs) {
        if (t instanceof hyp.compiler.types.Type.Tensor) return refs.type(TENSOR);
        if (t instanceof hyp.compiler.types.Type.Tape) return refs.type(Emission.TAPE);
        return switch (((hyp.compiler.types.Type.Scalar) t).kind()) {
            case REAL -> PrimitiveType.doubleType();
            case INT -> PrimitiveType.intType();
            case BOOL -> PrimitiveType.booleanType();
        };
    }
}
