package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gigrights.engine.audit.Audit;
import org.gigrights.engine.audit.AuditResult;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.ingest.Input;
import org.gigrights.rules.check.RuleSet;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test: a small generated city is mutated the ways real files go wrong (spaces,
 * quotes, case, offsets, broken numbers, lost fields, CRLF, duplicates) and both engines must
 * accept, reject and find exactly the same.
 */
class MutatedInputTests {
    private static final String[] MUTATIONS = {
        "space",
        "padded",
        "spaced-quotes",
        "blank-value",
        "quote",
        "lower-type",
        "z-offset",
        "basic-offset",
        "hour-offset",
        "no-seconds",
        "bad-amount",
        "drop-field",
        "crlf",
        "duplicate",
        "conflict",
        "upper-insured",
        "blank",
        "unicode-worker",
        "t-space",
        "fraction",
        "odd-byte"
    };

    /**
     * One of each kind of byte the fast parser reads eight at a time and must notice: space, tab,
     * quote, carriage return, DEL, a UTF-8 letter, a stray comma, and plain bytes next to them.
     */
    private static final String[] ODD = {" ", "\t", "\"", "\r", "\u007f", "é", ",", "!", "~", "+", "-"};

    private static List<String> city() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(25, 12, 99, LocalDate.parse("2026-04-25"), false))
                .write(out, n -> {});
        return new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    private static String mutate(String line, String kind, Random r, List<String> extra) {
        String[] f = line.split(",", -1);
        switch (kind) {
            case "space" -> f[r.nextInt(f.length)] = " " + f[r.nextInt(f.length)] + " ";
            case "padded" -> {
                return line.replace(",", r.nextBoolean() ? ", " : " , ");
            }
            case "blank-value" -> f[r.nextInt(f.length)] = "   ";
            case "quote" -> f[2] = "\"" + f[2] + "\"";
            case "spaced-quotes" -> {
                for (int k = 0; k < f.length; k++) {
                    f[k] = " \"" + f[k] + "\"" + (r.nextBoolean() ? " " : "");
                }
            }
            case "lower-type" -> f[4] = f[4].toLowerCase();
            case "z-offset" -> f[5] = f[5].replace("+08:00", "Z");
            case "basic-offset" -> f[5] = f[5].replace("+08:00", r.nextBoolean() ? "+0800" : "-0530");
            case "hour-offset" -> f[5] = f[5].replace("+08:00", r.nextBoolean() ? "+08" : "+19");
            case "no-seconds" -> f[5] = f[5].substring(0, 16) + "+08:00";
            case "bad-amount" -> f[7] = f[7].isEmpty() ? "" : f[7] + "5";
            case "drop-field" -> {
                return line.substring(0, line.lastIndexOf(','));
            }
            case "crlf" -> {
                return line + "\r";
            }
            case "duplicate" -> extra.add(line);
            case "conflict" -> {
                String[] g = f.clone();
                g[5] = g[5].replace(":0", ":1");
                extra.add(String.join(",", g));
            }
            case "upper-insured" -> f[9] = f[9].toUpperCase();
            case "blank" -> extra.add("");
            case "unicode-worker" -> f[2] = f[2] + "骑手";
            case "t-space" -> f[5] = f[5].replace('T', ' ');
            case "fraction" -> f[5] = f[5].replace("+08:00", ".5+08:00");
            case "odd-byte" -> {
                // At any offset of the line, so that the byte falls in every lane of a word.
                int at = r.nextInt(line.length() + 1);
                return line.substring(0, at) + ODD[r.nextInt(ODD.length)] + line.substring(at);
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return String.join(",", f);
    }

    private final int defaultBucketRows = Dedup.bucketRows;

    @BeforeEach
    void smallBuckets() {
        // Many deduplication buckets, so that duplicates and conflicts meet across bucket borders.
        Dedup.bucketRows = 64;
    }

    @AfterEach
    void restore() {
        Dedup.bucketRows = defaultBucketRows;
    }

    @ParameterizedTest
    @ValueSource(longs = {2026, 1, 2, 3, 4, 5, 6, 7})
    void bothEnginesAgreeOnEveryKindOfDamage(long seed) throws IOException {
        List<String> lines = city();
        Random r = new Random(seed);
        List<String> extra = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (r.nextInt(40) == 0) {
                lines.set(i, mutate(lines.get(i), MUTATIONS[r.nextInt(MUTATIONS.length)], r, extra));
            }
        }
        lines.addAll(extra);
        byte[] csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> rejectsA = new ArrayList<>();
        List<String> rejectsB = new ArrayList<>();
        Input in = new Input("m.csv", () -> new ByteArrayInputStream(csv), Input.Format.CSV, false);
        AuditResult a = new Audit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC())
                .run(List.of(in), x -> rejectsA.add(x.line() + " " + x.reason()), w -> {}, n -> {});
        AuditResult b = new FastAudit(RulePack.chongqing(), RuleSet.standard(), Clock.systemUTC(), 2)
                .run(List.of(in), x -> rejectsB.add(x.line() + " " + x.reason()), w -> {}, n -> {});
        assertThat(rejectsA).hasSizeGreaterThan(20);
        assertThat(rejectsB).isEqualTo(rejectsA);
        assertThat(b.ingest().accepted()).isEqualTo(a.ingest().accepted());
        assertThat(b.ingest().duplicates()).isEqualTo(a.ingest().duplicates());
        assertThat(b.findings()).isEqualTo(a.findings());
        assertThat(b.counters().asMap()).isEqualTo(a.counters().asMap());
    }
}
