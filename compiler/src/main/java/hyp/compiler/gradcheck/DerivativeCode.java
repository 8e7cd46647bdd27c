package hyp.compiler.gradcheck;

import hyp.compiler.ad.ComplexTransform;
import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.backend.interp.Interpreter;
import hyp.compiler.ir.Function;
import hyp.compiler.lower.Derivatives;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A def with all the code a derivative check runs, compiled together to one bytecode class: the def, its adjoint
 * {@code (x..., ybar) -> (y, xbar...)}, tangent {@code (x..., dx...) -> (y, dy)}, tangent of the adjoint
 * {@code (x..., ybar, dx..., dybar) -> (y, xbar..., dy, dxbar...)}, and the complex versions of the def and of its
 * adjoint. The def itself also runs in the reference interpreter, which records the path an input takes.
 *
 * <p>Arguments are lists with one entry per parameter of the def (Double, Integer, Boolean, Tensor); directions
 * have one entry per real or tensor parameter, in order.
 */
public final class DerivativeCode {
    private static final AtomicInteger CLASSES = new AtomicInteger();

    public final Function def;
    public final Function adjoint;
    public final Function tangent;
    public final Function hessianVector;
    public final Function complex;
    public final Function complexAdjoint;
    private final Method value, adjointMethod, tangentMethod, hvpMethod, complexMethod, complexAdjointMethod;

    private DerivativeCode(Function def) {
        this.def = def;
        this.adjoint = Derivatives.adjoint(def);
        this.tangent = Derivatives.tangent(def);
        this.hessianVector = Derivatives.hessianVector(def);
        this.complex = ComplexTransform.of(def);
        this.complexAdjoint = ComplexTransform.of(adjoint);
        List<Function> all = List.of(def, adjoint, tangent, hessianVector, complex, complexAdjoint);
        String name = "hyp.generated.Check" + CLASSES.incrementAndGet();
        Class<?> generated = new GeneratedClassLoader(DerivativeCode.class.getClassLoader())
                .define(name, BytecodeBackend.compile(name, all));
        value = Invoker.find(generated, def.name());
        adjointMethod = Invoker.find(generated, adjoint.name());
        tangentMethod = Invoker.find(generated, tangent.name());
        hvpMethod = Invoker.find(generated, hessianVector.name());
        complexMethod = Invoker.find(generated, complex.name());
        complexAdjointMethod = Invoker.find(generated, complexAdjoint.name());
    }

    /**
     * Derives and compiles the code for {@code def}, which must have one real or tensor result.
     *
     * @throws IllegalArgumentException if it has several results or a result without derivatives
     */
    public static DerivativeCode of(Function def) {
        if (def.body().results().size() != 1 || !def.resultType().differentiable()) {
            throw new IllegalArgumentException(def.name() + " must have one real or tensor result");
        }
        return new DerivativeCode(def);
    }

    /** f(x). */
    public Object value(List<Object> x) {
        return Invoker.call(value, x.toArray());
    }

    /** f(x) in the interpreter, with the path and kink sides it took. */
    public Object value(List<Object> x, KinkRecorder recorder) {
        return Interpreter.run(def, x, recorder);
    }

    /** (y, xbar...) for the cotangent {@code ybar} of the result. */
    public List<Object> adjoint(List<Object> x, Object ybar) {
        return call(adjointMethod, x, List.of(ybar));
    }

    /** (y, dy) along {@code dx}. */
    public List<Object> tangent(List<Object> x, List<Object> dx) {
        return call(tangentMethod, x, dx);
    }

    /** (y, xbar..., dy, dxbar...): with {@code dybar} zero, dxbar is the Hessian of ⟨ybar, f⟩ times dx. */
    public List<Object> hessianVector(List<Object> x, Object ybar, List<Object> dx, Object dybar) {
        List<Object> rest = new ArrayList<>();
        rest.add(ybar);
        rest.addAll(dx);
        rest.add(dybar);
        return call(hvpMethod, x, rest);
    }

    /** The complex def at complex arguments (see {@link Coordinates#complexStep}). */
    public Object complexValue(List<Object> z) {
        return Invoker.call(complexMethod, z.toArray());
    }

    /** The complex adjoint (y, xbar...) at complex arguments, the cotangent last. */
    public List<Object> complexAdjoint(List<Object> z) {
        return results(Invoker.call(complexAdjointMethod, z.toArray()));
    }

    private static List<Object> call(Method m, List<Object> x, List<Object> rest) {
        List<Object> args = new ArrayList<>(x);
        args.addAll(rest);
        return results(Invoker.call(m, args.toArray()));
    }

    private static List<Object> results(Object out) {
        return out instanceof Object[] several ? Arrays.asList(several) : List.of(out);
    }
}
