package org.gigrights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The note that much of a file was read the slower way: from 1 % of its rows, with the numbers. */
class SlowFormsNoteTests {
    private static String note(long declined, long rows) {
        StringWriter out = new StringWriter();
        try (PrintWriter err = new PrintWriter(out)) {
            AuditCommand.slowFormsNote(err, declined, rows);
        }
        return out.toString();
    }

    @Test
    void aFewRejectedRowsSayNothingAndOnePercentSaysHowMany() {
        assertThat(note(0, 1_000)).isEmpty();
        assertThat(note(9, 1_000)).isEmpty();
        assertThat(note(10, 1_000))
                .startsWith("note: 10 of 1,000 rows (1.0 %) were read by the standard reader")
                .contains("Forms read fastest");
        assertThat(note(1_000_000, 1_000_000)).contains("1,000,000 of 1,000,000 rows (100.0 %)");
    }
}
