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

    static String keep(String s, int head, int tail) {
        if (s.length() <= head + tail) {
            return "*".repeat(s.length());
        }
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
