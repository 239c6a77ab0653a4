package org.gigrights.server.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gigrights.rules.params.HolidayCalendar;
import org.gigrights.rules.params.RulePack;

/**
 * The legal deadlines of a case as dated parameters ({@code deadlines.csv}, each row citing its
 * article), computed on the official holiday calendar. Pure: no clock, no Spring.
 */
public final class Deadlines {
    /** How a period is counted. */
    public enum Unit {
        /** calendar days; a last day on a rest day moves to the next workday */
        DAYS,
        /** working days of the official calendar */
        WORKDAYS
    }

    /** One dated parameter row. */
    public record Rule(
            String name, LocalDate effectiveFrom, int value, Unit unit, int extension, String status, String source) {}

    private final List<Rule> rules;
    private final HolidayCalendar calendar;

    public Deadlines(List<Rule> rules, HolidayCalendar calendar) {
        this.rules = rules.stream()
                .sorted(Comparator.comparing(Rule::effectiveFrom).reversed())
                .toList();
        this.calendar = calendar;
    }

    /** The shipped deadlines on the Chongqing calendar. */
    public static Deadlines standard() {
        try (InputStream in = Deadlines.class.getResourceAsStream("/org/gigrights/server/cases/deadlines.csv")) {
            return new Deadlines(parse(in), RulePack.chongqing().calendar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Rule> parse(InputStream in) throws IOException {
        List<Rule> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean header = true;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", 7);
            String source = f[6].startsWith("\"") ? f[6].substring(1, f[6].length() - 1) : f[6];
            out.add(new Rule(
                    f[0],
                    LocalDate.parse(f[1]),
                    Integer.parseInt(f[2]),
                    Unit.valueOf(f[3]),
                    Integer.parseInt(f[4]),
                    f[5],
                    source));
        }
        return out;
    }

    /** The rule of that name in force on a date. */
    public Rule rule(String name, LocalDate on) {
        return rules.stream()
                .filter(r -> r.name().equals(name) && !r.effectiveFrom().isAfter(on))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deadline " + name + " on " + on));
    }

    /** The last day of the period {@code name} starting on {@code start}. */
    public LocalDate due(String name, LocalDate start) {
        Rule r = rule(name, start);
        return add(start, r.value(), r.unit());
    }

    /** The last day with the longest extension the law allows. */
    public LocalDate dueExtended(String name, LocalDate start) {
        Rule r = rule(name, start);
        return add(start, r.value() + r.extension(), r.unit());
    }

    /**
     * The last day of the period {@code name} started on {@code start} and extended by {@code days}, within
     * the longest extension the law allows (劳动保障监察条例 17: 30 working days; 调解仲裁法 43: 15 days).
     * The extension runs on from the period's own end, before any move off a rest day.
     *
     * @throws IllegalArgumentException when {@code days} is not between 1 and the rule's extension
     */
    public LocalDate extend(String name, LocalDate start, int days) {
        Rule r = rule(name, start);
        if (days < 1 || days > r.extension()) {
            throw new IllegalArgumentException(name + " may be extended by 1 to " + r.extension() + " " + r.unit());
        }
        return add(start, r.value() + days, r.unit());
    }

    /** How many days before a deadline a case is flagged as approaching. */
    public int warnDays(LocalDate on) {
        return rule("warn_before", on).value();
    }

    LocalDate add(LocalDate start, int n, Unit unit) {
        return unit == Unit.WORKDAYS ? addWorkdays(start, n) : addDays(start, n);
    }

    /** The {@code n}-th working day after {@code start} (the start day is not counted). */
    public LocalDate addWorkdays(LocalDate start, int n) {
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (calendar.isWorkday(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code n} calendar days after {@code start}; a last day on a rest day moves to the next workday. */
    public LocalDate addDays(LocalDate start, int n) {
        LocalDate d = start.plusDays(n);
        while (!calendar.isWorkday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
