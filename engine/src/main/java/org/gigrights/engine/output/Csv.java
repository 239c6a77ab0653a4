package org.gigrights.engine.output;

import java.io.IOException;
import java.io.Writer;

/** Writes RFC 4180 CSV fields. */
final class Csv {
    private Csv() {}

    /** Writes one row of fields followed by a line break. */
    static void row(Writer w, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(fields[i]));
        }
        w.write('\n');
    }

    /** A field, quoted when it holds a comma, quote or line break. */
    static String quote(String s) {
        if (s == null) {
            return "";
        }
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
