package hyp.compiler.cli;

import hyp.compiler.Pipeline;
import hyp.compiler.check.CheckedProgram;
import hyp.compiler.diag.UsageException;
import hyp.compiler.reverse.ReversibleProgram;
import hyp.compiler.train.GeneratedMethods;
import hyp.compiler.train.HypergradientProgram;
import hyp.runtime.exact.FixedPointFormat;
import hyp.runtime.hyper.Hypergradient;
import hyp.runtime.reverse.Reversible;
import hyp.runtime.reverse.ReversibleHypergradient;
import hyp.runtime.reverse.UpdateSequence;
import hyp.runtime.train.CompiledDynamics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hyp hypergrad --method reversible}: the train statement's step compiled for running backwards, the
 * reversible strategy run on it, and the exact arithmetic's memory beside store-all's.
 */
final class ReversibleRun {
    private final ReversibleProgram program;
    private final UpdateSequence sequence;
    private final ReversibleHypergradient result;

    private ReversibleRun(ReversibleProgram program, UpdateSequence sequence, ReversibleHypergradient result) {
        this.program = program;
        this.sequence = sequence;
        this.result = result;
    }

    /** Compiles the step's inverse (a located error if there is none) and runs the strategy. */
    static ReversibleRun of(CheckedProgram checked, HypergradientProgram hp, CompiledDynamics dynamics,
                            Map<String, Object> values, int steps, double[] hyper, Integer fracBits) {
        if (fracBits != null && (fracBits < 0 || fracBits > 62)) {
            throw new UsageException("--frac-bits must be from 0 to 62, got " + fracBits);
        }
        ReversibleProgram rp = Pipeline.derive(checked, () -> ReversibleProgram.compile(checked, hp));
        UpdateSequence seq = rp.sequence(dynamics, values, new GeneratedMethods(rp.functions()));
        Reversible strategy = fracBits == null ? new Reversible(seq) : new Reversible(seq, fracBits);
        return new ReversibleRun(rp, seq, strategy.run(dynamics, steps, hyper, null));
    }

    Hypergradient hypergradient() {
        return result.hypergradient();
    }

    /** The details for --json. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("updates", program.describe());
        List<Object> bits = new ArrayList<>();
        for (FixedPointFormat f : result.formats()) bits.add(f.fracBits());
        m.put("fracBits", bits);
        m.put("activeSteps", result.activeSteps());
        m.put("bufferBits", result.bufferBits());
        m.put("bitsPerElementPerStep", result.bitsPerElementPerStep());
        m.put("predictedBitsPerElementPerStep", result.predictedBitsPerElementPerStep());
        m.put("bufferBytes", result.bufferBytes());
        m.put("corrections", result.corrections());
        m.put("correctionBytes", result.correctionBytes());
        m.put("storeAllBytes", result.storeAllBytes());
        m.put("memoryRatio", result.memoryRatio());
        m.put("inverseSteps", result.inverseSteps());
        m.put("searchEvaluations", result.searchEvaluations());
        return m;
    }

    /** The lines the plain output adds. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("reversible step of " + program.optimizerName() + ": " + program.describe());
        List<String> formats = new ArrayList<>();
        for (int k = 0; k < result.formats().length; k++) {
            formats.add(sequence.state().names().get(k) + ": " + result.formats()[k].fracBits());
        }
        out.add("fixed point: fractional bits " + String.join(", ", formats) + "; " + result.activeSteps()
                + " active steps, " + result.inverseSteps() + " inverse steps");
        out.add(String.format("information buffer: %d bits = %.4f bits per element per step (predicted %.4f = "
                        + "sum of log2(1/gamma)); %d bytes allocated, %d corrections (%d bytes)",
                result.bufferBits(), result.bitsPerElementPerStep(), result.predictedBitsPerElementPerStep(),
                result.bufferBytes(), result.corrections(), result.correctionBytes()));
        out.add(String.format("memory against store-all: %d bytes vs %d bytes, ratio %.3g",
                result.bufferBytes() + result.correctionBytes(), result.storeAllBytes(), result.memoryRatio()));
        return out;
    }
}
