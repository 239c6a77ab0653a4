package org.gigrights.server.shared;

/** Masks personal numbers for viewers whose role does not allow the full value. */
public final class Masking {
    private Masking() {}

    /** An ID-card number as {@code 5001**********1234}. */
    public static String idNumber(String id, Viewer viewer) {
        if (id == null || viewer.seesPersonalData()) {
            return id;
        }
        return keep(id, 4, 4);
    }

    /** A phone number as {@code 138****5678}. */
    public static String phone(String phone, Viewer viewer) {
        if (phone == null || viewer.seesPersonalData()) {
            return phone;
        }
        return keep(phone, 3, 4);
    }

    private static final java.util.regex.Pattern ID_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final java.util.regex.Pattern PHONE_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    /**
     * Free text (a rejected row as sent, a complaint) with every ID-card number (18 characters) and
     * mobile number (11 digits) in it masked, unless the viewer may see them.
     */
    public static String text(String text, Viewer viewer) {
        if (text == null || viewer.seesPersonalData()) {
            return text;
        }
        String s = ID_IN_TEXT.matcher(text).replaceAll(m -> keep(m.group(), 4, 4));
        return PHONE_IN_TEXT.matcher(s).replaceAll(m -> keep(m.group(), 3, 4));
    }

    static String keep(String s, int head, int tail) {
        if (s.length() <= head + tail) {
            return "*".repeat(s.length());
        }
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
