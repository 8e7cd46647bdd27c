package hyp.compiler.cli;

import hyp.runtime.hyper.Implicit;
import picocli.CommandLine.Option;

/**
 * The implicit method's conjugate-gradient options (a picocli mixin). A command declares it as
 * {@code @Mixin CgOptions cg = new CgOptions(tolerance)} with its own default tolerance.
 */
final class CgOptions {
    @Option(names = "--cg-tolerance", paramLabel = "TOL",
            description = "implicit: relative residual at which CG stops (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--cg-iterations", paramLabel = "N", defaultValue = "1000",
            description = "implicit: CG iteration cap (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--damping", paramLabel = "MU", defaultValue = "0",
            description = "implicit: solve (H + mu I) x = g, for singular or indefinite Hessians (default ${DEFAULT-VALUE})")
    double damping;

    CgOptions(double defaultTolerance) {
        this.tolerance = defaultTolerance;
    }

    Implicit.Options options() {
        return new Implicit.Options(tolerance, iterations, damping);
    }
}
