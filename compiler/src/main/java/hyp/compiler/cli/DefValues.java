package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.backend.bytecode.Invoker;
import hyp.compiler.build.ModelCompiler;
import hyp.compiler.check.CheckedDef;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.ir.Function;
import hyp.compiler.syntax.Decl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The defs of a file that can be evaluated from its data, params and hypers alone — every parameter names one
 * of them and the result is a real (losses, metrics) — compiled to bytecode once and evaluated at given values.
 */
final class DefValues {
    private final List<Function> functions;
    private final Class<?> generated;

    private DefValues(List<Function> functions, Class<?> generated) {
        this.functions = functions;
        this.generated = generated;
    }

    static DefValues compile(CheckedProgram program) {
        List<String> names = new ArrayList<>();
        for (Decl.Def d : program.program().all(Decl.Def.class)) {
            CheckedDef def = program.def(d.name().name());
            if (def != null && def.result() != null && def.result().isReal()
                    && program.globals().keySet().containsAll(def.paramNames())) {
                names.add(def.name());
            }
        }
        List<Function> functions = names.isEmpty() ? List.of()
                : Pipeline.lower(program).stream().filter(f -> names.contains(f.name())).toList();
        if (functions.isEmpty()) return new DefValues(functions, null);
        String className = "hyp.generated.Defs";
        Class<?> generated = ModelCompiler.load(className, functions);
        return new DefValues(functions, generated);
    }

    /** Each def's value at {@code values} (data, params and hypers by name), in file order. */
    Map<String, Double> at(Map<String, Object> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Function f : functions) {
            Object[] args = f.paramNames().stream().map(values::get).toArray();
            out.put(f.name(), ((Number) Invoker.call(generated, f.name(), args)).doubleValue());
        }
        return out;
    }
}
