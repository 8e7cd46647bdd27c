package hyp.compiler.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command's output and error writers (a picocli mixin): those {@link Main#run} was given, so that tests and
 * embedders capture what a command prints. ({@code @Command} with no attributes only marks it as a mixin.)
 */
@Command
final class Streams {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }
}
