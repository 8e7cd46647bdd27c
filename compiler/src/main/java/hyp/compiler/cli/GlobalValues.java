package hyp.compiler.cli;

import hyp.compiler.check.CheckedProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run a file's train statement: values for its data, params and hypers, given
 * inline or read from CSV files. A picocli mixin, so each command declares them once by {@code @Mixin}.
 */
final class GlobalValues {
    @Option(names = "--at", paramLabel = "NAME=VALUE", description = "a value for a data, param or hyper (for a data, instead of its file)")
    List<String> at = new ArrayList<>();

    @Option(names = "--data", paramLabel = "NAME=FILE", description = "a data declaration bound from a CSV file (.csv or .csv.gz)")
    List<String> data = new ArrayList<>();

    /** Every global's value: given with --at, read with --data (or from its declaration's file), else its default. */
    Map<String, Object> resolve(CheckedProgram program) {
        Map<String, Object> given = Bindings.parseAssignments(at);
        given.putAll(DataFiles.load(program, data, given.keySet()));
        return Bindings.globals(program, given);
    }
}
