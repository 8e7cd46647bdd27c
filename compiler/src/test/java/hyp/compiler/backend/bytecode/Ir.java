package hyp.compiler.backend.bytecode;

import hyp.compiler.ir.Block;
import hyp.compiler.ir.Function;
import hyp.compiler.ir.IrBuilder;
import hyp.compiler.ir.Var;
import hyp.compiler.prim.Prims;
import hyp.compiler.types.Dim;
import hyp.compiler.types.Type;
import java.util.ArrayList;
import java.util.List;

/** Hand-built IR for the tests, and the step every test takes: compile, verify, load. */
final class Ir {
    static final Type REAL = Type.REAL, INT = Type.INT, BOOL = Type.BOOL;
    static final Type VECTOR = Type.tensor(Dim.named("n"));
    static final Type MATRIX = Type.tensor(Dim.named("n"), Dim.named("d"));

    final IrBuilder b = new IrBuilder(Prims.ARITHMETIC);

    /** A function whose body {@code body} builds from the parameters, returning the results. */
    Function def(String name, List<String> names, List<Type> types, java.util.function.Function<List<Var>, List<Var>> body) {
        List<Var> params = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) params.add(b.fresh(types.get(i), names.get(i)));
        Block block = b.block(params, () -> body.apply(params));
        return new Function(name, names, block);
    }

    /** Compiles the functions into one class, checks it with ASM's verifier, and defines it in a fresh loader. */
    static Class<?> load(Function... functions) {
        return load(false, functions);
    }

    static Class<?> load(boolean withMain, Function... functions) {
        String name = "hyp.generated.Test";
        byte[] bytes = BytecodeBackend.compile(name, List.of(functions), withMain);
        Verification.verify(bytes);
        return new GeneratedClassLoader(Ir.class.getClassLoader()).define(name, bytes);
    }
}
