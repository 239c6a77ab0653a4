package org.gigrights.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gigrights.engine.ingest.Input;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every legal example in {@code scenarios/} as written, shuffled, and as JSON Lines. */
class ScenarioExamplesTests {
    private static final long[] SEEDS = {1, 7, 42};

    static Path dir() {
        return Path.of(System.getProperty("gigrights.scenarios", "../scenarios"));
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir())) {
            return s.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
        }
    }

    @Test
    void thereAreEnoughExamples() throws IOException {
        assertThat(files()).hasSizeGreaterThanOrEqualTo(60);
    }

    @TestFactory
    Stream<DynamicNode> examples() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files()) {
            Scenario s = Scenario.read(file);
            Input.Format format = s.eventsFormat().equals("jsonl") ? Input.Format.JSONL : Input.Format.CSV;
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("as written", file.toUri(), () -> {
                var o = ScenarioRunner.run(s, s.events(), format);
                assertThat(ScenarioRunner.differences(s, o, true))
                        .as(s.description())
                        .isEmpty();
            }));
            if (!s.option("shuffle", "true").equals("false")) {
                for (long seed : SEEDS) {
                    tests.add(DynamicTest.dynamicTest("shuffled " + seed, file.toUri(), () -> {
                        var o = ScenarioRunner.run(s, ScenarioRunner.shuffled(s, seed), format);
                        assertThat(ScenarioRunner.differences(s, o, false))
                                .as(s.description())
                                .isEmpty();
                    }));
                }
            }
            if (format == Input.Format.CSV
                    && !s.events().contains("\"")
                    && (s.rejects() == null || s.rejects().isEmpty())) {
                tests.add(DynamicTest.dynamicTest("as JSON Lines", file.toUri(), () -> {
                    var o = ScenarioRunner.run(s, CsvToJsonl.convert(s.events()), Input.Format.JSONL);
                    assertThat(ScenarioRunner.differences(s, o, false))
                            .as(s.description())
                            .isEmpty();
                }));
            }
            Path rel = dir().relativize(file);
            nodes.add(DynamicContainer.dynamicContainer(rel.toString(), file.toUri(), tests.stream()));
        }
        return nodes.stream();
    }
}
