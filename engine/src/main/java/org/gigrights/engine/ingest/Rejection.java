package org.gigrights.engine.ingest;

/**
 * One rejected row: where it was, why, and its original text.
 *
 * @param file the input's name as given
 * @param line the row's first line number (the header is line 1)
 * @param code the reason code
 * @param detail the reason in words
 * @param raw the row as it stood in the file
 */
public record Rejection(String file, long line, RejectCode code, String detail, String raw) {
    /** The reason as written to the rejects file: the code, then the words. */
    public String reason() {
        return code + ": " + detail;
    }
}
