package org.gigrights.engine.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast parser's times, row after row as a file gives them: each row it takes must have the
 * instant {@link OffsetDateTime} gives its text, and a text that is no date-time must never be
 * taken, even right after a valid row with the same date or offset (the parser reuses both).
 */
class FastRowTimeTests {
    private static final String[] EDGES = {
        "2026-04-20T07:51:00+08:00",
        "2026-04-20T23:59:59+08:00",
        "2026-04-20T00:00:00+08:00",
        "2026-04-20T24:00:00+08:00",
        "2026-04-20T12:60:00+08:00",
        "2026-04-20T12:00:60+08:00",
        "2026-04-20T1a:00:00+08:00",
        // A colon or semicolon is a "digit" of 10 or 11 to plain arithmetic: 1: would be hour 20.
        "2026-04-20T1::00:00+08:00",
        "2026-04-20T0;:00:00+08:00",
        "2026-04-20T12:1::00+08:00",
        "2026-04-20T12:00:1;+08:00",
        "2026-04-20T12:00:00+0::00",
        "2026-04-20T12:0:000+08:00",
        "2026-04-20T12:00:00+08:60",
        "2026-04-20T12:00:00+18:00",
        "2026-04-20T12:00:00+18:01",
        "2026-04-20T12:00:00+19:00",
        "2026-04-20T12:00:00-08:00",
        "2026-04-20T12:00:00*08:00",
        "2026-04-20T12:00:00+08-00",
        "2026-04-20T12:00:00+0a:00",
        "2026-04-20T12:00:00Z",
        "2026-04-20T12:00+08:00",
        "2026-04-20 12:30Z",
        "2026-04-20T12:30+0800",
        "2026-04-20T12:30+08",
        "2026-04-20T12:30.5+08:00",
        "2026-04-20T12:3+08:00",
        "2026-04-20T12:00:00+0800",
        "2026-04-20T12:00:00-0530",
        "2026-04-20T12:00:00+08",
        "2026-04-20T12:00:00+1800",
        "2026-04-20T12:00:00+1801",
        "2026-04-20T12:00:00+0860",
        "2026-04-20T12:00:00+8",
        "2026-04-20T12:00:00.25+0800",
        "2026-04-20 12:00:00+08:00",
        "2026-04-20t12:00:00z",
        "2026-04-20 12:00:00 +08:00",
        "2026-04-20  12:00:00+08:00",
        "2026-04-20T12:00:00.5+08:00",
        "2026-04-20T12:00:00.123456789+08:00",
        "2026-04-20T12:00:00.1234567890+08:00",
        "2026-04-20T12:00:00.+08:00",
        "2026-02-28T12:00:00+08:00",
        "2026-02-29T12:00:00+08:00",
        "2028-02-29T12:00:00+08:00",
        "2026-04-31T12:00:00+08:00",
        "2026-13-01T12:00:00+08:00",
        "2026-00-01T12:00:00+08:00",
        "2026-04-00T12:00:00+08:00",
        "2a26-04-20T12:00:00+08:00",
        "2026-04-2aT12:00:00+08:00",
        "1969-12-31T23:59:59.999-01:30",
    };

    @Test
    void everyTakenTimeIsTheInstantOfItsText() {
        Random random = new Random(2026);
        List<String> times = new ArrayList<>(List.of(EDGES));
        for (int k = 0; k < 20_000; k++) {
            String base = random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)] : times.get(times.size() - 1);
            times.add(mutate(base, random));
        }
        int taken = 0;
        FastRow row = new FastRow(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        for (String time : times) {
            byte[] line = ("e1,p,w,,ONLINE," + time + ",,,,,").getBytes(StandardCharsets.US_ASCII);
            row.scan(line, 0, line.length);
            Long expected = instant(time);
            if (expected == null) {
                assertThat(row.parsed).as(time).isFalse();
            } else if (row.parsed) {
                assertThat(row.time).as(time).isEqualTo(expected);
                taken++;
            } else {
                // The fast path may leave a valid time to the slow path, but not the plain form.
                assertThat(time)
                        .as(time)
                        .doesNotMatch("\\d{4}-\\d\\d-\\d\\d[Tt ]\\d\\d:\\d\\d(:\\d\\d)?([Zz]|[+-]\\d\\d(:?\\d\\d)?)");
            }
        }
        assertThat(taken).isGreaterThan(3_000);
    }

    /** One byte of the text changed, or one of its parts swapped for another valid one. */
    private static String mutate(String s, Random random) {
        char[] c = s.toCharArray();
        switch (random.nextInt(7)) {
            case 6 -> {
                // Seconds left out, as the standard allows.
                return s.length() > 19 && s.charAt(16) == ':' ? s.substring(0, 16) + s.substring(19) : s;
            }
            case 0 -> c[random.nextInt(c.length)] = "0123456789:+-TZ.a tz".charAt(random.nextInt(20));
            case 1 -> c[Math.min(c.length - 1, 11 + random.nextInt(8))] = (char) ('0' + random.nextInt(10));
            case 2 -> c[8 + random.nextInt(2)] = (char) ('0' + random.nextInt(10));
            case 3 -> {
                // After the seconds, or after the minutes when there are none.
                return s.substring(0, s.length() >= 19 && s.charAt(16) == ':' ? 19 : 16)
                        + List.of(
                                        "+08:00",
                                        "-0" + random.nextInt(10) + ":30",
                                        "+0800",
                                        "-0" + random.nextInt(10) + "30",
                                        "+08",
                                        "-1" + random.nextInt(10),
                                        "+1860",
                                        "+1900",
                                        "+0:00")
                                .get(random.nextInt(9));
            }
            case 4 -> {
                return s.substring(0, 5) + String.format("%02d", 1 + random.nextInt(12)) + s.substring(7);
            }
            default -> {
                return s;
            }
        }
        return new String(c);
    }

    /**
     * The instant the data standard gives the text: ISO-8601 as {@link OffsetDateTime} reads it,
     * where a space or a {@code t} may stand for the {@code T} and a {@code z} for the {@code Z}.
     */
    private static Long instant(String text) {
        String iso = text;
        if (iso.length() > 10 && (iso.charAt(10) == ' ' || iso.charAt(10) == 't')) {
            iso = iso.substring(0, 10) + "T" + iso.substring(11);
        }
        if (iso.endsWith("z")) {
            iso = iso.substring(0, iso.length() - 1) + "Z";
        }
        // The standard's other offsets, +HHMM and +HH, as +HH:MM.
        if (iso.matches(".*:\\d\\d(\\.\\d+)?[+-]\\d{4}")) {
            iso = iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2);
        } else if (iso.matches(".*:\\d\\d(\\.\\d+)?[+-]\\d\\d")) {
            iso = iso + ":00";
        }
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
