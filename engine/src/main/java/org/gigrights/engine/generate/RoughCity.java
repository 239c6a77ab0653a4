package org.gigrights.engine.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A small random city made to hit the rules' edges, not to look real: times on a minute grid (so
 * gaps of exactly 20 min and stretches of exactly 240 min happen), orders ending at midnight,
 * stacked and zero-length orders, broken orders (accept only, end only, two accepts, end before
 * accept, an order id shared by two workers), zero amounts, all income and deduction reasons,
 * payouts that lag, stop or come first, worker and event ids that repeat across platforms, rows
 * spoiled in each of the data standard's ways, re-sent and conflicting rows, all shuffled.
 * Deterministic for a seed; one city per instance.
 */
public final class RoughCity {
    private static final String HEADER = "event_id,platform,worker,person,type,time,order,amount,region,insured,reason";
    private static final String[] REGIONS = {"500103", "500107", "500229", "500243", "500999"};
    private static final String[] INCOME = {"BONUS", "SUBSIDY", "TIP", "OTHER"};
    private static final String[] DEDUCTION = {"FINE", "DEPOSIT", "EQUIPMENT", "OTHER"};
    private static final long MINUTE = 60_000;

    private final Random random;
    private final List<String> rows = new ArrayList<>();
    private final java.util.Map<String, Integer> next = new java.util.HashMap<>();
    private String person = "";

    private boolean conflicts = true;

    public RoughCity(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Leaves out the rows that reuse an id with other content. The service keeps the first
     * version of an event and versions corrections (docs/data-standard.md), so a conflict across
     * two reports is not rejected as in one file.
     */
    public RoughCity withoutConflicts() {
        this.conflicts = false;
        return this;
    }

    /** The CSV text of a city of this many workers over days from 2026-04-01 (May Day inside). */
    public String csv(int workers, int days) {
        return csv(workers, days, LocalDate.parse("2026-04-01"));
    }

    /** The CSV text of a city of this many workers over days from a first date. */
    public String csv(int workers, int days, LocalDate start) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("one city per RoughCity");
        }
        for (int w = 0; w < workers; w++) {
            // Worker ids repeat on the two platforms (W0 of P1 and W0 of P2 are two workers), and
            // every third pair shares a person key.
            person = w % 6 < 2 ? "H" + (w / 6) : "";
            worker("P" + (1 + w % 2), "W" + (w / 2), days, start);
        }
        malformed();
        List<String> out = new ArrayList<>(rows);
        // Re-sent rows (the same line again) and conflicts (an id reused with other content).
        for (int i = 0; i < rows.size() / 100; i++) {
            out.add(rows.get(random.nextInt(rows.size())));
        }
        for (int i = 0; conflicts && i < rows.size() / 300; i++) {
            String[] c = rows.get(random.nextInt(rows.size())).split(",", -1);
            if (random.nextBoolean()) {
                c[5] = time(Instant.parse("2026-04-10T00:00:00Z").toEpochMilli() + random.nextInt(1000) * MINUTE);
            } else {
                c[3] = "H-other"; // the same event under another person
            }
            out.add(String.join(",", c));
        }
        Collections.shuffle(out, random);
        return HEADER + "\n" + String.join("\n", out) + "\n";
    }

    /**
     * Rows with one field spoiled (each one of the data standard's rejects) or written in an
     * unusual accepted form, and fields the type does not use holding anything.
     */
    private void malformed() {
        String[][] spoiled = {
            {"time", "2026-02-30T10:00:00+08:00"},
            {"time", "2026-04-10T10:00:00"},
            {"time", "2026/04/10 10:00+08:00"},
            {"time", "2026-04-10T25:00:00+08:00"},
            {"time", "2026-04-10T10:61:00+08:00"},
            {"time", "2026-04-10T24:00:00+08:00"},
            {"time", "2026-04-10T23:59:60+08:00"},
            {"time", "2026-04-10T10:00:00.123456+08:00"},
            {"time", "2026-04-10T10:00+0800"},
            {"time", "2026-04-10 10:00:00Z"},
            {"time", "2026-04-10T02:00:00-06"},
            {"time", "2026-04-10t10:00:00.5z"},
            {"amount", "-1.00"},
            {"amount", "1.234"},
            {"amount", "1e3"},
            {"amount", "1 000"},
            {"amount", "12."},
            {"amount", ".5"},
            {"amount", "007.5"},
            {"region", "5001"},
            {"region", "50010a"},
            {"insured", "yes"},
            {"insured", "False"},
            {"reason", "GIFT"},
            {"reason", "tip"},
            {"type", "ORDER_START"},
            {"type", "online"},
            {"worker", ""},
            {"event_id", ""},
            {"order", ""},
            {"platform", ""},
        };
        List<String> columns = List.of(HEADER.split(","));
        int n = rows.size() / 100;
        for (int k = 0; k < n; k++) {
            String[] c = rows.get(random.nextInt(rows.size())).split(",", -1);
            String[] spoil = spoiled[random.nextInt(spoiled.length)];
            c[0] = c[0] + "x" + k;
            c[columns.indexOf(spoil[0])] = spoil[1];
            if (random.nextInt(4) == 0) {
                // Fields the type does not use are not checked: these rows stay valid.
                c = rows.get(random.nextInt(rows.size())).split(",", -1);
                c[0] = c[0] + "u" + k;
                if (c[4].equals("ONLINE") || c[4].equals("OFFLINE")) {
                    c[6] = "o?";
                    c[7] = "abc";
                    c[8] = "x";
                    c[9] = "maybe";
                    c[10] = "NOPE";
                }
            }
            rows.add(String.join(",", c));
            String[] again = rows.get(random.nextInt(rows.size())).split(",", -1);
            if (again[4].equals("ONLINE") && !again[0].contains("u")) {
                // Re-sent with a field its type does not use: a duplicate, not a conflict.
                again[7] = "9.99";
                rows.add(String.join(",", again));
            }
        }
    }

    private void worker(String platform, String worker, int days, LocalDate start) {
        long first = start.atStartOfDay(ZoneOffset.ofHours(8)).toInstant().toEpochMilli();
        int payEvery = new int[] {1, 7, 40, 0}[random.nextInt(4)];
        long owed = 0;
        if (random.nextInt(10) == 0) {
            owed -= 5000;
            row(platform, worker, "PAYOUT", first + 6 * 60 * MINUTE, "", "50.00", "", "", "");
        }
        for (int d = 0; d < days; d++) {
            if (random.nextInt(10) < 3) {
                continue;
            }
            long dayStart = first + d * 1440 * MINUTE;
            long t = dayStart + random.nextInt(20 * 60) * MINUTE;
            if (random.nextInt(8) == 0) {
                t = dayStart - random.nextInt(120) * MINUTE; // a shift from the evening before
            }
            row(platform, worker, "ONLINE", t, "", "", "", "", "");
            int orders = random.nextInt(26);
            for (int o = 0; o < orders; o++) {
                long length = random.nextInt(10) == 0 ? 0 : random.nextInt(91) * MINUTE;
                long end = t + length;
                if (random.nextInt(15) == 0) {
                    end = dayStart + 1440 * MINUTE; // ends at local midnight exactly
                    t = Math.min(t, end);
                }
                owed += order(platform, worker, d + "-" + o, t, end);
                long gap =
                        switch (random.nextInt(8)) {
                            case 0 -> -random.nextInt(30) * MINUTE; // stacked
                            case 1 -> 19 * MINUTE;
                            case 2 -> 20 * MINUTE;
                            case 3 -> 21 * MINUTE;
                            case 4 -> random.nextInt(240) * MINUTE;
                            default -> random.nextInt(15) * MINUTE;
                        };
                t = Math.max(t, end + gap);
            }
            long evening = dayStart + (18 * 60 + random.nextInt(300)) * MINUTE;
            if (random.nextInt(4) == 0) {
                long cents = money();
                owed += cents;
                row(platform, worker, "INCOME", evening, "", yuan(cents), "", "", INCOME[random.nextInt(4)]);
            }
            if (random.nextInt(8) == 0) {
                long cents = random.nextInt(3) == 0 ? 0 : money() / 4;
                owed -= cents;
                row(platform, worker, "DEDUCTION", evening, "", yuan(cents), "", "", DEDUCTION[random.nextInt(4)]);
            }
            row(platform, worker, "OFFLINE", evening + MINUTE, "", "", "", "", "");
            if (payEvery > 0 && d % payEvery == payEvery - 1 && owed > 0) {
                long paid = random.nextInt(4) == 0 ? owed / 2 : owed;
                owed -= paid;
                row(platform, worker, "PAYOUT", evening + 2 * MINUTE, "", yuan(paid), "", "", "");
            }
        }
    }

    /** One order's events, sometimes broken; returns the amount earned. */
    private long order(String platform, String worker, String id, long start, long end) {
        String order = random.nextInt(200) == 0 ? "shared-" + random.nextInt(20) : worker + "o" + id;
        String region = REGIONS[random.nextInt(REGIONS.length)];
        int shape = random.nextInt(100);
        if (shape == 0) {
            long t = start;
            start = end;
            end = t - MINUTE; // end before accept
        }
        if (shape != 1) {
            row(platform, worker, "ORDER_ACCEPT", start, order, "", region, "", "");
        }
        if (shape == 2) {
            row(platform, worker, "ORDER_ACCEPT", start + MINUTE, order, "", region, "", "");
        }
        if (shape == 3) {
            return 0; // accept only
        }
        long cents = money();
        if (random.nextInt(10) == 0) {
            boolean amount = random.nextBoolean();
            row(platform, worker, "ORDER_CANCEL", end, order, amount ? yuan(cents / 5) : "", "", "", "");
            return amount ? cents / 5 : 0;
        }
        String insured = new String[] {"true", "true", "true", "false", "", "TRUE"}[random.nextInt(6)];
        row(platform, worker, "ORDER_COMPLETE", end, order, yuan(cents), "", insured, "");
        return cents;
    }

    private long money() {
        return switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 100 * random.nextInt(5);
            default -> 300 + random.nextInt(1500);
        };
    }

    private void row(
            String platform,
            String worker,
            String type,
            long time,
            String order,
            String amount,
            String region,
            String insured,
            String reason) {
        // Event ids are unique within a platform only: both platforms have an e0, e1, ...
        String id = "e" + next.merge(platform, 1, Integer::sum);
        rows.add(String.join(
                ",", id, platform, worker, person, type, time(time), order, amount, region, insured, reason));
    }

    private String time(long millis) {
        Instant i = Instant.ofEpochMilli(millis);
        return random.nextInt(5) == 0
                ? i.toString()
                : i.atOffset(ZoneOffset.ofHours(8)).toLocalDateTime() + ":00+08:00";
    }

    private static String yuan(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
