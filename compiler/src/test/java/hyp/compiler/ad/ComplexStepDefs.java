package hyp.compiler.ad;

import hyp.compiler.Pipeline;
import hyp.compiler.diag.SourceFile;
import hyp.compiler.ir.Function;

/** IR functions from .hyp source, as the command line gets them, for the complex-step tests. */
final class ComplexStepDefs {
    private ComplexStepDefs() {}

    /** The def called {@code name} in {@code source}. */
    static Function def(String source, String name) {
        return Pipeline.lower(Pipeline.check(new SourceFile("t.hyp", source))).stream()
                .filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no def " + name));
    }
}
