package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.RejectCode;
import org.gigrights.engine.stream.OrderedAudit;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forms common exporters write (docs/data-standard.md, "Forms read fastest") are read by the
 * fast parsers: the standard reader reads only the rows it rejects. A form that falls off the fast
 * path still gives the right result, many times more slowly, so only this count notices it; the
 * file audit and the streaming audit are both held to it.
 */
class CommonFormsTests {
    @TempDir
    Path tmp;

    private static List<String> city(boolean jsonl) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(30, 10, 41, LocalDate.parse("2026-05-04"), jsonl))
                .write(out, n -> {});
        List<String> lines =
                new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
        // Rows the standard rejects (an hour of 25, a signed amount, an unknown type), which only
        // the standard reader may decide.
        String p = "91500000MA60DLV01X";
        String t = "2026-05-04T10:00:00+08:00";
        if (jsonl) {
            String row = "{\"event_id\":\"%s\",\"platform\":\"" + p + "\",\"worker\":\"W1\",\"type\":\"%s\","
                    + "\"time\":\"%s\",\"amount\":\"%s\"}";
            lines.add(String.format(row, "BAD-1", "ONLINE", t.replace("10:", "25:"), ""));
            lines.add(String.format(row, "BAD-2", "PAYOUT", t, "-1.00"));
            lines.add(String.format(row, "BAD-3", "TELEPORT", t, ""));
        } else {
            lines.add(String.join(",", "BAD-1", p, "W1", "", "ONLINE", t.replace("10:", "25:"), "", "", "", "", ""));
            lines.add(String.join(",", "BAD-2", p, "W1", "", "PAYOUT", t, "", "-1.00", "", "", ""));
            lines.add(String.join(",", "BAD-3", p, "W1", "", "TELEPORT", t, "", "", "", "", ""));
        }
        return lines;
    }

    /** Each CSV field changed by {@code f}, the header's names too. */
    private static UnaryOperator<String> fields(UnaryOperator<String> f, String comma) {
        return line -> String.join(comma, Stream.of(line.split(",", -1)).map(f).toList());
    }

    /** The time field (the sixth) changed by {@code f}. */
    private static UnaryOperator<String> time(UnaryOperator<String> f) {
        return line -> {
            String[] c = line.split(",", -1);
            c[5] = f.apply(c[5]);
            return String.join(",", c);
        };
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("csv plain", false, UnaryOperator.identity()),
                Arguments.of("csv CR LF", false, (UnaryOperator<String>) l -> l + "\r"),
                Arguments.of("csv every field quoted", false, fields(v -> "\"" + v + "\"", ",")),
                Arguments.of("csv padded", false, fields(v -> v, ", ")),
                Arguments.of("csv quoted and padded", false, fields(v -> " \"" + v + "\" ", ",")),
                Arguments.of("csv time with a space", false, time(t -> t.replace('T', ' '))),
                Arguments.of("csv +0800", false, time(t -> t.replace("+08:00", "+0800"))),
                Arguments.of("csv +08", false, time(t -> t.replace("+08:00", "+08"))),
                Arguments.of("csv lower-case t and z", false, time(t -> t.replace('T', 't')
                        .replace("+08:00", "z"))),
                Arguments.of(
                        "csv without seconds",
                        false,
                        time(t -> t.length() >= 25 && t.charAt(16) == ':' ? t.substring(0, 16) + t.substring(19) : t)),
                Arguments.of("csv fraction", false, time(t -> t.replace("+08:00", ".250+08:00"))),
                Arguments.of("csv True and False", false, (UnaryOperator<String>)
                        l -> l.replace(",true,", ",True,").replace(",false,", ",FALSE,")),
                Arguments.of("csv extra columns in Chinese", false, (UnaryOperator<String>)
                        l -> l.startsWith("event_id") ? l + ",city,remark" : l + ",重庆 渝中区,\"雨天, 加价\""),
                Arguments.of("jsonl compact", true, UnaryOperator.identity()),
                Arguments.of("jsonl CR LF", true, (UnaryOperator<String>) l -> l + "\r"),
                Arguments.of("jsonl python json.dumps", true, (UnaryOperator<String>)
                        l -> l.replace("\":", "\": ").replace(",\"", ", \"")),
                Arguments.of("jsonl pandas to_json", true, (UnaryOperator<String>)
                        l -> l.replaceAll("\"amount\":\"([0-9.]+)\"", "\"amount\":$1")
                                .replaceAll("\"insured\":\"(true|false)\"", "\"insured\":$1")
                                .replaceFirst("^\\{(?!.*\"person\")", "{\"person\":null,")),
                Arguments.of("jsonl extra fields", true, (UnaryOperator<String>) l -> l.replace(
                        "{",
                        "{\"city\":\"\\u91cd\\u5e86 重庆\",\"seq\":-1.5e3,\"test\":false,\"shift\":null,"
                                + "\"where\":{\"lat\":29.56,\"lng\":106.55},\"tags\":[\"a\",\"b\"],")),
                Arguments.of("jsonl keys reordered", true, (UnaryOperator<String>)
                        l -> l.replaceFirst("^\\{(\"event_id\":\"[^\"]*\"),(.*)}$", "{$2,$1}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void theStandardReaderReadsOnlyTheRowsItRejects(String name, boolean jsonl, UnaryOperator<String> form)
            throws IOException {
        List<String> lines = city(jsonl);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(form.apply(line));
        }
        Path file = Files.writeString(tmp.resolve(jsonl ? "city.jsonl" : "city.csv"), String.join("\n", out) + "\n");
        List<RejectCode> codes = new ArrayList<>();
        AuditResult expected = new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(List.of(Input.file(file)), r -> codes.add(r.code()), w -> {}, n -> {});
        long parseRejects = codes.stream().filter(c -> c != RejectCode.CONFLICT).count();
        assertThat(parseRejects).isEqualTo(3);
        assertThat(expected.findings()).hasSizeGreaterThan(10);

        FastAudit fast = new FastAudit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC(), 2);
        AuditResult actual = fast.run(List.of(Input.file(file)), r -> {}, w -> {}, n -> {});
        assertThat(actual.findings()).isEqualTo(expected.findings());
        assertThat(fast.rowsRead()).isEqualTo(expected.ingest().rowsRead());
        assertThat(fast.declinedRows()).as(name).isEqualTo(parseRejects);

        // The streaming audit reads with the same parsers.
        OrderedAudit stream = new OrderedAudit(RulePack.chongqing(), Clock.systemUTC(), OrderedAudit.Bounds.defaults());
        stream.run(List.of(Input.file(file)), r -> {}, w -> {}, n -> {});
        assertThat(stream.rowsRead()).isEqualTo(expected.ingest().rowsRead());
        assertThat(stream.declinedRows()).as(name).isEqualTo(parseRejects);
    }
}
