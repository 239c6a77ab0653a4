package org.gigrights.engine.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One legal example: events and what the rules must make of them.
 *
 * <p>A scenario file is plain text. Lines starting with {@code #} before the first section are its
 * description. Sections start with a line in brackets:
 *
 * <ul>
 *   <li>{@code [events.csv]} or {@code [events.jsonl]}: the input, exactly as a platform would send it;
 *   <li>{@code [expected.findings]}: CSV with header {@code rule,platform,worker,date,value,threshold}
 *       and an optional {@code evidence} column of {@code ;}-separated event ids;
 *   <li>{@code [expected.summary]}: {@code key=value} lines compared with summary.json's counts;
 *   <li>{@code [expected.rejects]}: CSV with header {@code line,code};
 *   <li>{@code [options]}: {@code period_end=TIME}, {@code shuffle=false}, and any number of
 *       {@code platform_param=platform,name,effective_from,value}.
 * </ul>
 *
 * @param name the file name without extension
 * @param description the leading comment lines
 * @param eventsFormat {@code csv} or {@code jsonl}
 * @param events the input text
 * @param findings the expected findings
 * @param summary the expected summary counts
 * @param rejects the expected rejects, or null when the section is absent
 * @param options the options
 */
public record Scenario(
        String name,
        String description,
        String eventsFormat,
        String events,
        List<ExpectedFinding> findings,
        Map<String, Long> summary,
        List<ExpectedReject> rejects,
        Map<String, List<String>> options) {

    /**
     * A finding the scenario expects.
     *
     * @param evidence the expected evidence ids, or null when not checked
     */
    public record ExpectedFinding(
            String rule,
            String platform,
            String worker,
            String date,
            String value,
            String threshold,
            List<String> evidence) {}

    /** A reject the scenario expects: the row's line and reason code. */
    public record ExpectedReject(long line, String code) {}

    /** The first value of an option, or a fallback. */
    public String option(String key, String fallback) {
        List<String> v = options.get(key);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }

    /** Reads a scenario file. */
    public static Scenario read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.scenario$", "");
        return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses a scenario's text. */
    public static Scenario parse(String name, String text) {
        StringBuilder description = new StringBuilder();
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]") && !trimmed.contains(",")) {
                current = new StringBuilder();
                sections.put(trimmed.substring(1, trimmed.length() - 1), current);
            } else if (current == null) {
                if (trimmed.startsWith("#")) {
                    description.append(trimmed.substring(1).strip()).append('\n');
                }
            } else {
                current.append(line).append('\n');
            }
        }
        String format = sections.containsKey("events.jsonl") ? "jsonl" : "csv";
        StringBuilder events = sections.get("events." + format);
        if (events == null) {
            throw new IllegalArgumentException(name + ": no [events.csv] or [events.jsonl] section");
        }
        return new Scenario(
                name,
                description.toString().strip(),
                format,
                events.toString(),
                findings(name, sections.get("expected.findings")),
                summary(name, sections.get("expected.summary")),
                rejects(name, sections.get("expected.rejects")),
                options(sections.get("options")));
    }

    private static List<String> lines(StringBuilder section) {
        List<String> out = new ArrayList<>();
        if (section == null) {
            return out;
        }
        for (String line : section.toString().split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<ExpectedFinding> findings(String name, StringBuilder section) {
        List<String> lines = lines(section);
        List<ExpectedFinding> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length != header.size()) {
                throw new IllegalArgumentException(name + ": expected finding has " + f.length + " fields: " + line);
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < f.length; i++) {
                m.put(header.get(i).strip(), f[i].strip());
            }
            String ev = m.get("evidence");
            out.add(new ExpectedFinding(
                    m.get("rule"),
                    m.get("platform"),
                    m.get("worker"),
                    m.get("date"),
                    m.get("value"),
                    m.get("threshold"),
                    ev == null || ev.equals("*") ? null : List.of(ev.isEmpty() ? new String[0] : ev.split(";"))));
        }
        return out;
    }

    private static Map<String, Long> summary(String name, StringBuilder section) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : lines(section)) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(name + ": summary line without '=': " + line);
            }
            out.put(
                    line.substring(0, eq).strip(),
                    Long.parseLong(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static List<ExpectedReject> rejects(String name, StringBuilder section) {
        if (section == null) {
            return null;
        }
        List<String> lines = lines(section);
        List<ExpectedReject> out = new ArrayList<>();
        for (String line : lines.isEmpty() ? lines : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new ExpectedReject(Long.parseLong(f[0].strip()), f[1].strip()));
        }
        return out;
    }

    private static Map<String, List<String>> options(StringBuilder section) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : lines(section)) {
            int eq = line.indexOf('=');
            out.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                    .add(line.substring(eq + 1).strip());
        }
        return out;
    }
}
