package org.gigrights.engine.fast;

/**
 * The fast parser's reading of a time, {@code YYYY-MM-DDTHH:MM[:SS[.f]]} (a space or {@code t} may
 * stand for the {@code T}) with {@code Z}, {@code z}, {@code ±HH:MM}, {@code ±HHMM} or {@code
 * ±HH}, to epoch milliseconds; anything else is left to the slow path.
 *
 * <p>Rows come in runs of one day and one offset, so the previous valid row's date and offset
 * are remembered by their bytes and reused without reading their digits again.
 */
final class TimeBytes {
    /** The last parsed instant, epoch milliseconds. */
    long millis;

    /** The previous valid date's first eight bytes and its bytes 2-9; zero bytes match no date. */
    private long lastDate0;

    private long lastDate1;
    private long lastDays;
    /** The previous valid offset's six bytes ("+08:00"); zero bytes match no offset. */
    private long lastSuffix;

    private int lastOffset;

    /** Parses the bytes {@code p..e}; on success {@link #millis} holds the instant. */
    boolean parse(byte[] b, int p, int e) {
        if (e - p < 17
                || b[p + 4] != '-'
                || b[p + 7] != '-'
                || (b[p + 10] != 'T' && b[p + 10] != ' ' && b[p + 10] != 't')
                || b[p + 13] != ':') {
            return false;
        }
        // Seconds may be left out (HH:MM, then the offset); a fraction only follows seconds.
        boolean seconds = b[p + 16] == ':';
        if (seconds && e - p < 20) {
            return false;
        }
        // Rows come in runs of one day: when the date's ten bytes are the previous valid date's,
        // its day number is reused without reading its digits.
        long date0 = (long) Bytes.LE.get(b, p);
        long date1 = (long) Bytes.LE.get(b, p + 2);
        long days;
        if (date0 == lastDate0 && date1 == lastDate1) {
            days = lastDays;
        } else {
            int y = Bytes.digits(b, p, 4);
            int mo = Bytes.digits2(b, p + 5);
            int d = Bytes.digits2(b, p + 8);
            if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) {
                return false;
            }
            days = daysFromCivil(y, mo, d);
            lastDate0 = date0;
            lastDate1 = date1;
            lastDays = days;
        }
        int h1 = b[p + 11] - '0';
        int h2 = b[p + 12] - '0';
        int m1 = b[p + 14] - '0';
        int m2 = b[p + 15] - '0';
        int s1 = seconds ? b[p + 17] - '0' : 0;
        int s2 = seconds ? b[p + 18] - '0' : 0;
        // A digit d is 0..9 exactly when neither d nor 9 - d is negative.
        if ((h1 | 9 - h1 | h2 | 9 - h2 | m1 | 9 - m1 | m2 | 9 - m2 | s1 | 9 - s1 | s2 | 9 - s2) < 0) {
            return false;
        }
        int h = h1 * 10 + h2;
        int mi = m1 * 10 + m2;
        int s = s1 * 10 + s2;
        if (h > 23 || mi > 59 || s > 59) {
            return false;
        }
        int q = seconds ? p + 19 : p + 16;
        int fraction = 0;
        if (seconds && b[q] == '.') {
            int f = q + 1;
            while (f < e && b[f] >= '0' && b[f] <= '9') {
                f++;
            }
            int n = f - q - 1;
            if (n < 1 || n > 9) {
                return false;
            }
            for (int k = 0; k < 3; k++) {
                fraction = fraction * 10 + (k < n ? b[q + 1 + k] - '0' : 0);
            }
            q = f;
        }
        int offset;
        if (q == e - 1 && (b[q] == 'Z' || b[q] == 'z')) {
            offset = 0;
        } else if (q == e - 6) {
            // The last six bytes, as the previous row's offset had them: the same offset.
            long suffix = (long) Bytes.LE.get(b, e - 8) >>> 16;
            if (suffix == lastSuffix) {
                offset = lastOffset;
            } else {
                offset = b[q + 3] == ':' ? offset(b, q, Bytes.digits2(b, q + 4)) : NO_OFFSET;
                if (offset == NO_OFFSET) {
                    return false;
                }
                lastSuffix = suffix;
                lastOffset = offset;
            }
        } else if (q == e - 5 || q == e - 3) {
            // +HHMM (as strftime's %z writes it) or +HH.
            offset = offset(b, q, q == e - 5 ? Bytes.digits2(b, q + 3) : 0);
            if (offset == NO_OFFSET) {
                return false;
            }
        } else {
            return false;
        }
        millis = ((days * 86_400L + h * 3600L + mi * 60L + s) - offset) * 1000L + fraction;
        return true;
    }

    private static final int NO_OFFSET = Integer.MIN_VALUE;

    /**
     * The offset in seconds of a sign at {@code q}, two hour digits after it and {@code om}
     * minutes (-1 when they were no digits), or {@link #NO_OFFSET}: at most ±18:00.
     */
    private static int offset(byte[] b, int q, int om) {
        int oh = Bytes.digits2(b, q + 1);
        if ((b[q] != '+' && b[q] != '-') || oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
            return NO_OFFSET;
        }
        return (oh * 3600 + om * 60) * (b[q] == '-' ? -1 : 1);
    }

    private static int monthLength(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date. */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
