package org.gigrights.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code gigrights} command. */
@Command(
        name = "gigrights",
        mixinStandardHelpOptions = true,
        version = "gigrights 0.1.0",
        description = "Labor-rights rules for gig workers, as code. 新就业形态劳动者权益保障规则检查。",
        subcommands = {AuditCommand.class, GenerateCommand.class, ScenariosCommand.class, CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'gigrights audit --help'");
    }

    /** Runs a command line and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
