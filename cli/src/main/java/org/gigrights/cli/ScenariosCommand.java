package org.gigrights.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gigrights.engine.scenario.Scenario;
import org.gigrights.engine.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gigrights scenarios}: runs legal-example files and reports each as passed or failed. */
@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        description =
                "Runs scenario files (legal examples) through the engine: as written, shuffled and as JSON Lines.")
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Scenario files or directories (default: scenarios).")
    List<Path> paths = List.of(Path.of("scenarios"));

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int passed = 0;
        int failed = 0;
        for (Path root : paths) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(p -> p.toString().endsWith(".scenario"))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                List<String> diffs;
                try {
                    diffs = ScenarioRunner.check(Scenario.read(file));
                } catch (RuntimeException e) {
                    diffs = List.of("cannot run: " + e);
                }
                if (diffs.isEmpty()) {
                    passed++;
                    out.println("PASS " + file);
                } else {
                    failed++;
                    out.println("FAIL " + file);
                    diffs.forEach(d -> out.println("     " + d));
                }
            }
        }
        out.println("scenarios: " + passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
