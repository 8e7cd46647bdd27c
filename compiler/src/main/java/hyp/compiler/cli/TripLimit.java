package hyp.compiler.cli;

import hyp.compiler.diag.UsageException;
import hyp.runtime.ops.LoopTrips;
import picocli.CommandLine.Option;

/** {@code --max-trips N}: the guard on while loops of the code a command runs (a picocli mixin). */
final class TripLimit {
    @Option(names = "--max-trips", paramLabel = "N",
            description = "stop a while loop that runs more than N trips in one run, naming its line "
                    + "(default " + LoopTrips.DEFAULT_LIMIT + ")")
    void maxTrips(long n) {
        if (n < 1) throw new UsageException("--max-trips must be >= 1, got " + n);
        LoopTrips.setLimit(n);
    }
}
