package org.gigrights.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.generate.RoughCity;
import org.gigrights.engine.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against a second implementation of docs/rules.md in SQL (DuckDB), on a generated
 * city and on every scenario example the SQL can take (CSV events, no options).
 */
class CrossCheckIT {
    @TempDir
    Path dir;

    @Test
    void generatedCityAgreesOnAllSevenRules() throws Exception {
        Path csv = dir.resolve("city.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            new CityGenerator(new CityGenerator.Options(400, 30, 7, LocalDate.parse("2026-04-20"), false))
                    .write(out, n -> {});
        }

        CrossCheck.Outcome o = CrossCheck.run(csv);

        assertThat(o.onlyEngine()).as("found by the engine only").isEmpty();
        assertThat(o.onlyDuck()).as("found by DuckDB only").isEmpty();
        // Every rule must have something to agree on, or the check proves nothing.
        assertThat(o.perRule().keySet())
                .containsExactlyInAnyOrder(
                        "REST_BREAK", "MIN_WAGE", "HOLIDAY_PAY", "INJURY_COVER", "DEPOSIT", "DAILY_HOURS", "PAY_DELAY");
    }

    @Test
    void roughCitiesAgreeOnAllSevenRules() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Path csv = dir.resolve("rough-" + seed + ".csv");
            // The third from September: a make-up workday (Sunday 09-20) in the baseline of
            // Mid-Autumn (09-25) and National Day (10-01 to 10-03).
            LocalDate start = LocalDate.parse(seed == 3 ? "2026-09-01" : "2026-04-01");
            Files.writeString(csv, new RoughCity(seed).csv(300, 45, start), StandardCharsets.UTF_8);

            CrossCheck.Outcome o = CrossCheck.run(csv);

            assertThat(o.onlyEngine())
                    .as("seed %d: found by the engine only", seed)
                    .isEmpty();
            assertThat(o.onlyDuck()).as("seed %d: found by DuckDB only", seed).isEmpty();
            assertThat(o.perRule()).as("seed %d", seed).hasSize(7);
        }
    }

    @Test
    void roughCityAgreesWithAFixedPeriodEndAndPlatformsOwnParameters() throws Exception {
        Path csv = dir.resolve("rough-options.csv");
        Files.writeString(csv, new RoughCity(4).csv(300, 45), StandardCharsets.UTF_8);
        // P2 pays weekly from 04-15 on (earlier earnings keep the pack's 31 days); P1 counts a 15 %
        // allowance on working time from 04-20 on; the period ends five weeks after the last day,
        // so more lots are judged open.
        DuckCheck.Options options = new DuckCheck.Options(
                java.time.OffsetDateTime.parse("2026-06-20T00:00:00+08:00")
                        .toInstant()
                        .toEpochMilli(),
                List.of(new DuckCheck.Cycle("P2", LocalDate.parse("2026-04-15"), 7)),
                List.of(new DuckCheck.Allowance(
                        "P1", LocalDate.parse("2026-04-20"), new java.math.BigDecimal("0.15"))));

        CrossCheck.Outcome o = CrossCheck.run(csv, options);

        assertThat(o.onlyEngine()).as("found by the engine only").isEmpty();
        assertThat(o.onlyDuck()).as("found by DuckDB only").isEmpty();
        assertThat(o.engine()).anyMatch(l -> l.startsWith("PAY_DELAY,P2,") && l.contains(",700,"));
        assertThat(o.engine()).anyMatch(l -> l.startsWith("PAY_DELAY,P2,") && l.contains(",3100,"));
        CrossCheck.Outcome without = CrossCheck.run(csv);
        assertThat(o.perRule().get("DAILY_HOURS"))
                .isGreaterThan(without.perRule().get("DAILY_HOURS"));
    }

    @Test
    void scenarioExamplesAgree() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(System.getProperty("gigrights.scenarios", "../scenarios")))) {
            files = s.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
        }
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int findings = 0;
        for (Path file : files) {
            Scenario sc = Scenario.read(file);
            DuckCheck.Options options = options(sc);
            if (!sc.eventsFormat().equals("csv")
                    || options == null
                    || sc.events().contains("\"")) {
                continue;
            }
            Path csv = dir.resolve(sc.name() + ".csv");
            Files.writeString(csv, allColumns(sc.events()), StandardCharsets.UTF_8);
            CrossCheck.Outcome o = CrossCheck.run(csv, options);
            compared++;
            findings += o.engine().size();
            o.onlyEngine().forEach(l -> differences.add(sc.name() + ": engine only " + l));
            o.onlyDuck().forEach(l -> differences.add(sc.name() + ": DuckDB only " + l));
        }

        assertThat(differences).isEmpty();
        assertThat(compared).isGreaterThan(50);
        assertThat(findings).isGreaterThan(50);
    }

    /** The scenario's options as the SQL takes them, or null when it cannot. */
    private static DuckCheck.Options options(Scenario sc) {
        Long end = null;
        List<DuckCheck.Cycle> cycles = new ArrayList<>();
        List<DuckCheck.Allowance> allowances = new ArrayList<>();
        for (var e : sc.options().entrySet()) {
            for (String v : e.getValue()) {
                switch (e.getKey()) {
                    case "period_end" -> end =
                            java.time.OffsetDateTime.parse(v).toInstant().toEpochMilli();
                    case "shuffle" -> {}
                    case "platform_param" -> {
                        String[] f = v.split(",");
                        LocalDate from = LocalDate.parse(f[2].strip());
                        switch (f[1].strip()) {
                            case "pay.cycle_days" -> cycles.add(
                                    new DuckCheck.Cycle(f[0].strip(), from, Integer.parseInt(f[3].strip())));
                            case "time.allowance" -> allowances.add(new DuckCheck.Allowance(
                                    f[0].strip(), from, new java.math.BigDecimal(f[3].strip())));
                            default -> {
                                return null;
                            }
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
        }
        return new DuckCheck.Options(end, cycles, allowances);
    }

    /** The same rows under every column of the data standard (the SQL reads them by name). */
    private static String allColumns(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        StringBuilder out = new StringBuilder(String.join(",", CrossCheck.COLUMNS)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            List<String> row = new ArrayList<>();
            for (String c : CrossCheck.COLUMNS) {
                int i = header.indexOf(c);
                row.add(i >= 0 && i < cells.length ? cells[i] : "");
            }
            out.append(String.join(",", row)).append('\n');
        }
        return out.toString();
    }
}
