package org.gigrights.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.model.Severity;
import org.junit.jupiter.api.Test;

/** The findings files' bytes equal what a string-built CSV and Jackson's generator write. */
class FindingsWriterTests {
    /** Characters that need care: separators, escapes, controls, every UTF-8 length, surrogates. */
    private static final String HOSTILE = "a,\"\n\r\\\t\b\f\u0000\u001f\u007f/é中\uFFFD\u2028"
            + "\uD83D\uDE00" // a pair
            + "\uD83D" // a lone high surrogate
            + "\uDE00"; // a lone low surrogate

    private static final String[] NUMBERS = {"21", "20.69", "-0.50", "0.00", "1E+3", "123456789.123456", "0.000001"};

    @Test
    void hostileTextIsWrittenAsBefore() throws IOException {
        Random random = new Random(2026);
        for (int round = 0; round < 300; round++) {
            List<Finding> findings = new ArrayList<>();
            for (int k = 0, count = 1 + random.nextInt(5); k < count; k++) {
                findings.add(finding(random));
            }
            assertThat(new String(FindingsWriter.csvRows(findings).toByteArray(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(csvByStrings(findings), StandardCharsets.UTF_8));
            assertThat(FindingsWriter.csvRows(findings).toByteArray()).isEqualTo(csvByStrings(findings));
            assertThat(new String(FindingsWriter.jsonLines(findings).toByteArray(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(jsonByJackson(findings), StandardCharsets.UTF_8));
            assertThat(FindingsWriter.jsonLines(findings).toByteArray()).isEqualTo(jsonByJackson(findings));
        }
    }

    @Test
    void recurringInstancesAmongManyOthersAreWrittenAsThemselves() throws IOException {
        // A few instances recur (as a rule's code and citation do) among hundreds of distinct
        // strings, more than the writer's cache of encodings has slots: slots are shared and
        // overwritten, and each field must still be its own text.
        Random random = new Random(7);
        String[] recurring = {"REST_BREAK", "MIN_WAGE", "渝人社发〔2021〕38号 (六)", "a,\"b\"", "中\uD83D\uDE00"};
        List<Finding> findings = new ArrayList<>();
        for (int k = 0; k < 600; k++) {
            Finding f = finding(random);
            String r = random.nextBoolean() ? recurring[random.nextInt(recurring.length)] : "rule-" + k;
            String w = random.nextBoolean() ? recurring[random.nextInt(recurring.length)] : text(random) + k;
            findings.add(new Finding(
                    r,
                    f.severity(),
                    recurring[random.nextInt(recurring.length)],
                    w,
                    f.date(),
                    f.value(),
                    f.threshold(),
                    random.nextBoolean() ? recurring[random.nextInt(recurring.length)] : new String("c" + k),
                    f.message(),
                    f.evidence(),
                    f.details()));
        }
        assertThat(FindingsWriter.csvRows(findings).toByteArray()).isEqualTo(csvByStrings(findings));
        assertThat(FindingsWriter.jsonLines(findings).toByteArray()).isEqualTo(jsonByJackson(findings));
    }

    @Test
    void aLongMessageOfChineseTextGrowsTheBuffer() throws IOException {
        Finding f = new Finding(
                "MIN_WAGE",
                Severity.VIOLATION,
                "p",
                "w",
                LocalDate.of(2026, 5, 8),
                new BigDecimal("20.69"),
                new BigDecimal("21"),
                "渝人社发〔2021〕38号 (五)",
                "当日工作，收入低于小时最低工资".repeat(500),
                List.of("e-1", "e-2"),
                Map.of("pay_cny", "49.52"));
        assertThat(FindingsWriter.csvRows(List.of(f)).toByteArray()).isEqualTo(csvByStrings(List.of(f)));
        assertThat(FindingsWriter.jsonLines(List.of(f)).toByteArray()).isEqualTo(jsonByJackson(List.of(f)));
    }

    private static Finding finding(Random random) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0, count = random.nextInt(4); i < count; i++) {
            details.put(text(random), random.nextInt(5) == 0 ? null : text(random));
        }
        List<String> evidence = new ArrayList<>();
        for (int i = 0, count = random.nextInt(4); i < count; i++) {
            evidence.add(text(random));
        }
        return new Finding(
                text(random),
                Severity.values()[random.nextInt(Severity.values().length)],
                text(random),
                text(random),
                LocalDate.of(2020 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                new BigDecimal(NUMBERS[random.nextInt(NUMBERS.length)]),
                new BigDecimal(NUMBERS[random.nextInt(NUMBERS.length)]),
                text(random),
                text(random),
                evidence,
                details);
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, length = random.nextInt(12); i < length; i++) {
            s.append(HOSTILE.charAt(random.nextInt(HOSTILE.length())));
        }
        return s.toString();
    }

    /** The findings CSV as it was written before: rows built as a string, then encoded. */
    private static byte[] csvByStrings(List<Finding> findings) {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            String[] fields = {
                f.rule(),
                f.severity().name(),
                f.platform(),
                f.worker(),
                f.date().toString(),
                f.value().toPlainString(),
                f.threshold().toPlainString(),
                f.citation(),
                f.message()
            };
            for (int i = 0; i < fields.length; i++) {
                b.append(i > 0 ? "," : "").append(Csv.quote(fields[i]));
            }
            b.append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The findings JSON Lines as Jackson's UTF-8 generator writes them with default settings. */
    private static byte[] jsonByJackson(List<Finding> findings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("rule", f.rule());
                g.writeStringField("severity", f.severity().name());
                g.writeStringField("platform", f.platform());
                g.writeStringField("worker", f.worker());
                g.writeStringField("date", f.date().toString());
                g.writeFieldName("value");
                g.writeNumber(f.value());
                g.writeFieldName("threshold");
                g.writeNumber(f.threshold());
                g.writeStringField("citation", f.citation());
                g.writeStringField("message", f.message());
                g.writeArrayFieldStart("evidence");
                for (String id : f.evidence()) {
                    g.writeString(id);
                }
                g.writeEndArray();
                g.writeObjectFieldStart("details");
                for (Map.Entry<String, String> d : f.details().entrySet()) {
                    g.writeStringField(d.getKey(), d.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        return out.toByteArray();
    }
}
