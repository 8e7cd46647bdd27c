package hyp.compiler.testing;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.backend.bytecode.Verification;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;
import hyp.compiler.lower.Derivatives;
import java.util.ArrayList;
import java.util.List;

/** A .hyp source compiled in memory to bytecode: each def with its adjoint, tangent and Hessian-vector code. */
public final class Compiled {
    private static int counter;
    private final Class<?> generated;
    public final List<Function> functions;

    public Compiled(String source) {
        CheckedProgram program = Pipeline.check(new SourceFile("test.hyp", source));
        functions = Pipeline.lower(program);
        List<Function> all = new ArrayList<>(functions);
        for (Function f : functions) {
            all.add(Derivatives.adjoint(f));
            all.add(Derivatives.tangent(f));
            all.add(Derivatives.hessianVector(f));
        }
        String name = "hyp.generated.Test" + (counter++);
        byte[] bytes = BytecodeBackend.compile(name, all);
        Verification.verify(bytes, Compiled.class.getClassLoader());
        generated = new GeneratedClassLoader(Compiled.class.getClassLoader()).define(name, bytes);
    }

    /**
     * The source compiled with every for loop kept as a loop ({@code hyp.batchLoops=false} while lowering), as a
     * reference for loops the reduction-loop pass batches.
     */
    public static synchronized Compiled keepingLoops(String source) {
        String before = System.getProperty("hyp.batchLoops");
        System.setProperty("hyp.batchLoops", "false");
        try {
            return new Compiled(source);
        } finally {
            if (before == null) System.clearProperty("hyp.batchLoops");
            else System.setProperty("hyp.batchLoops", before);
        }
    }

    public Object value(String def, Object... args) {
        return Invoker.call(generated, def, args);
    }

    /** (value, gradient of each real/tensor input...) with the output cotangent 1. */
    public Object[] adjoint(String def, Object... args) {
        Object[] full = java.util.Arrays.copyOf(args, args.length + 1);
        full[args.length] = 1.0;
        return (Object[]) Invoker.call(generated, def + "_vjp", full);
    }

    /** (value, directional derivative) along the tangents given after the inputs. */
    public Object[] tangent(String def, Object... argsAndTangents) {
        return (Object[]) Invoker.call(generated, def + "_jvp", argsAndTangents);
    }

    /** The raw tangent-of-adjoint function: (x..., bar, dx..., dbar) -> (y, xbar..., dy, dxbar...). */
    public Object[] hessianVector(String def, Object... args) {
        return (Object[]) Invoker.call(generated, def + "_vjp_jvp", args);
    }
}
