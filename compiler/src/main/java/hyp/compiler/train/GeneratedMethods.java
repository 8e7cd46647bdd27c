package hyp.compiler.train;

import hyp.compiler.backend.bytecode.BytecodeBackend;
import hyp.compiler.backend.bytecode.GeneratedClassLoader;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.ir.Function;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** IR functions compiled to one bytecode class in memory; finds each generated method by function name. */
public final class GeneratedMethods implements java.util.function.Function<String, MethodHandle> {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Class<?> generated;

    public GeneratedMethods(List<Function> functions) {
        String name = "hyp.generated.Program" + COUNTER.incrementAndGet();
        byte[] bytes = BytecodeBackend.compile(name, functions);
        this.generated = new GeneratedClassLoader(GeneratedMethods.class.getClassLoader()).define(name, bytes);
    }

    @Override
    public MethodHandle apply(String function) {
        try {
            return MethodHandles.publicLookup().unreflect(Invoker.find(generated, function));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
