package org.gigrights.engine.ingest;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gigrights.rules.model.EventType;
import org.gigrights.rules.model.Reason;
import org.gigrights.rules.model.WorkEvent;

/**
 * Validates one raw row against the data standard and turns it into a canonical event.
 *
 * <p>Values are trimmed; a blank value is a missing one. Fields the row's type does not use are
 * ignored, so they neither reject the row nor make two rows differ.
 */
public final class EventParser {
    private static final Pattern TIME =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,13})(?:\\.(\\d{1,2}))?");
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    /** The outcome: exactly one of event and rejection is set. */
    public record Result(WorkEvent event, Rejection rejection) {}

    private EventParser() {}

    /** Validates a row. */
    public static Result parse(RawRow row) {
        if (row.error() != null) {
            return new Result(null, row.error());
        }
        Map<String, String> f = row.fields();
        List<String> problems = new ArrayList<>();
        RejectCode[] first = {null};
        String eventId = required(f, Fields.EVENT_ID, problems, first);
        String platform = required(f, Fields.PLATFORM, problems, first);
        String worker = required(f, Fields.WORKER, problems, first);
        String typeText = required(f, Fields.TYPE, problems, first);
        EventType type = null;
        if (typeText != null) {
            type = EventType.parse(typeText);
            if (type == null) {
                problem(problems, first, RejectCode.UNKNOWN_TYPE, "unknown type '" + typeText + "'");
            }
        }
        long time = 0;
        String timeText = required(f, Fields.TIME, problems, first);
        if (timeText != null) {
            time = parseTime(timeText, problems, first);
        }
        String order = null;
        long amount = WorkEvent.NO_AMOUNT;
        String region = null;
        boolean insured = false;
        Reason reason = null;
        if (type != null) {
            if (type.isOrder()) {
                order = required(f, Fields.ORDER, problems, first);
            }
            switch (type) {
                case ORDER_ACCEPT -> region = region(f, problems, first);
                case ORDER_COMPLETE -> {
                    amount = amount(f, true, problems, first);
                    insured = insured(f, problems, first);
                }
                case ORDER_CANCEL -> amount = amount(f, false, problems, first);
                case INCOME, DEDUCTION -> {
                    amount = amount(f, true, problems, first);
                    reason = reason(f, type, problems, first);
                }
                case PAYOUT -> amount = amount(f, true, problems, first);
                default -> {}
            }
        }
        if (!problems.isEmpty()) {
            return new Result(
                    null, new Rejection(row.file(), row.line(), first[0], String.join("; ", problems), row.raw()));
        }
        String person = value(f, Fields.PERSON);
        return new Result(
                new WorkEvent(eventId, platform, worker, person, type, time, order, amount, region, insured, reason),
                null);
    }

    /** Parses an ISO-8601 date-time with offset to epoch milliseconds (finer digits are cut). */
    static long parseTime(String text, List<String> problems, RejectCode[] first) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            problem(
                    problems,
                    first,
                    RejectCode.BAD_TIME,
                    "time '" + text + "' is not ISO-8601 (2026-05-01T08:30:00+08:00)");
            return 0;
        }
        if (m.group(8) == null) {
            problem(problems, first, RejectCode.NO_OFFSET, "time '" + text + "' has no offset (add +08:00)");
            return 0;
        }
        try {
            String frac = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    Integer.parseInt(frac));
            String off = m.group(8);
            ZoneOffset offset = off.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(normalOffset(off));
            return local.toInstant(offset).toEpochMilli();
        } catch (DateTimeException e) {
            problem(problems, first, RejectCode.BAD_TIME, "time '" + text + "' is not a valid date-time");
            return 0;
        }
    }

    private static String normalOffset(String off) {
        if (off.length() == 3) {
            return off + ":00";
        }
        if (off.length() == 5) {
            return off.substring(0, 3) + ":" + off.substring(3);
        }
        return off;
    }

    private static long amount(Map<String, String> f, boolean required, List<String> problems, RejectCode[] first) {
        String text = required ? required(f, Fields.AMOUNT, problems, first) : value(f, Fields.AMOUNT);
        if (text == null) {
            return WorkEvent.NO_AMOUNT;
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            problem(
                    problems,
                    first,
                    RejectCode.BAD_AMOUNT,
                    "amount '" + text + "' is not a non-negative decimal with at most 2 places");
            return WorkEvent.NO_AMOUNT;
        }
        long cents = Long.parseLong(m.group(1)) * 100;
        if (m.group(2) != null) {
            cents += Long.parseLong(m.group(2)) * (m.group(2).length() == 1 ? 10 : 1);
        }
        return cents;
    }

    private static String region(Map<String, String> f, List<String> problems, RejectCode[] first) {
        String text = required(f, Fields.REGION, problems, first);
        if (text != null && !REGION.matcher(text).matches()) {
            problem(problems, first, RejectCode.BAD_REGION, "region '" + text + "' is not a 6-digit division code");
            return null;
        }
        return text;
    }

    private static boolean insured(Map<String, String> f, List<String> problems, RejectCode[] first) {
        String text = value(f, Fields.INSURED);
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        problem(problems, first, RejectCode.BAD_INSURED, "insured '" + text + "' is neither true nor false");
        return false;
    }

    private static Reason reason(Map<String, String> f, EventType type, List<String> problems, RejectCode[] first) {
        String text = required(f, Fields.REASON, problems, first);
        if (text == null) {
            return null;
        }
        Reason r = Reason.parse(text);
        if (r == null || !r.allowedFor(type)) {
            problem(problems, first, RejectCode.BAD_REASON, "reason '" + text + "' is not allowed on " + type);
            return null;
        }
        return r;
    }

    private static String required(Map<String, String> f, String name, List<String> problems, RejectCode[] first) {
        String v = value(f, name);
        if (v == null) {
            problem(problems, first, RejectCode.MISSING_FIELD, "missing " + name);
        }
        return v;
    }

    private static String value(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null) {
            return null;
        }
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    private static void problem(List<String> problems, RejectCode[] first, RejectCode code, String text) {
        if (first[0] == null) {
            first[0] = code;
        }
        problems.add(text);
    }
}
