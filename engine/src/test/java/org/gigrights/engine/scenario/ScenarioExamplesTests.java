package org.gigrights.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every legal example in {@code scenarios/} as written, shuffled, and as JSON Lines. */
class ScenarioExamplesTests {
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
            List<DynamicTest> tests = new ArrayList<>();
            for (ScenarioRunner.Engine engine : ScenarioRunner.Engine.values()) {
                for (ScenarioRunner.Variant v : ScenarioRunner.variants(s, engine)) {
                    tests.add(DynamicTest.dynamicTest(engine + " " + v.name(), file.toUri(), () -> {
                        var outcome = ScenarioRunner.run(s, v.events(), v.format(), engine);
                        assertThat(ScenarioRunner.differences(s, outcome, v.checkLines()))
                                .as(s.description())
                                .isEmpty();
                    }));
                }
            }
            nodes.add(
                    DynamicContainer.dynamicContainer(dir().relativize(file).toString(), file.toUri(), tests.stream()));
        }
        return nodes.stream();
    }
}
