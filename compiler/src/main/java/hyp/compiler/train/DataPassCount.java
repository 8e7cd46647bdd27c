package hyp.compiler.train;

import hyp.compiler.check.CheckedProgram;
import hyp.compiler.opt.DataPasses;
import hyp.compiler.syntax.Decl;
import hyp.runtime.hyper.Work;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Passes over each data tensor the generated hypergradient code makes ({@link DataPasses}): per optimizer step, per
 * adjoint step and per Hessian-vector product, and their total for the work a hypergradient did. The few calls
 * outside steps and products (the optimizer's initialisation and the validation loss, once each) are not counted.
 */
public record DataPassCount(Map<String, Integer> perStep, Map<String, Integer> perAdjointStep,
                            Map<String, Integer> perHessianVectorProduct) {
    public static DataPassCount of(CheckedProgram program, HypergradientProgram hp) {
        Set<String> data = new TreeSet<>();
        program.globals().values().forEach(g -> {
            if (g.kind() == Decl.VarKind.DATA) data.add(g.name());
        });
        return new DataPassCount(DataPasses.of(hp.step, data), DataPasses.of(hp.stepAdjoint, data),
                DataPasses.of(hp.lossSecondOrder, data));
    }

    /** The passes over each data tensor in {@code work}'s steps, adjoint steps and Hessian-vector products. */
    public Map<String, Long> total(Work work) {
        Set<String> names = new TreeSet<>(perStep.keySet());
        names.addAll(perAdjointStep.keySet());
        names.addAll(perHessianVectorProduct.keySet());
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, work.forwardSteps() * perStep.getOrDefault(name, 0)
                    + work.adjointSteps() * perAdjointStep.getOrDefault(name, 0)
                    + work.hessianVectorProducts() * perHessianVectorProduct.getOrDefault(name, 0));
        }
        return out;
    }

    /** As JSON-ready maps: perStep, perAdjointStep, perHessianVectorProduct and inStepsAndProducts. */
    public Map<String, Object> json(Work work) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("perStep", perStep);
        out.put("perAdjointStep", perAdjointStep);
        out.put("perHessianVectorProduct", perHessianVectorProduct);
        out.put("inStepsAndProducts", total(work));
        return out;
    }
}
