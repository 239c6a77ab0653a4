package org.gigrights.engine.ingest;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of what reading did with the rows: every row read is accepted, a duplicate, or rejected. */
public final class IngestStats {
    /** Rows and rejects of one input. */
    public static final class FileStats {
        public long rows;
        public long rejected;
    }

    private long rowsRead;
    private long accepted;
    private long duplicates;
    private long rejected;
    private final Map<RejectCode, Long> rejectedByCode = new EnumMap<>(RejectCode.class);
    private final Map<String, FileStats> files = new LinkedHashMap<>();

    public void row(String file) {
        rowsRead++;
        files.computeIfAbsent(file, f -> new FileStats()).rows++;
    }

    /** Counts n rows read from one file. */
    public void rows(String file, long n) {
        rowsRead += n;
        files.computeIfAbsent(file, f -> new FileStats()).rows += n;
    }

    public void rejected(Rejection r) {
        rejected++;
        rejectedByCode.merge(r.code(), 1L, Long::sum);
        files.computeIfAbsent(r.file(), f -> new FileStats()).rejected++;
    }

    public void file(String file) {
        files.computeIfAbsent(file, f -> new FileStats());
    }

    public void accepted(long n) {
        accepted += n;
    }

    public void duplicates(long n) {
        duplicates += n;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long accepted() {
        return accepted;
    }

    public long duplicates() {
        return duplicates;
    }

    public long rejected() {
        return rejected;
    }

    public Map<RejectCode, Long> rejectedByCode() {
        return Map.copyOf(rejectedByCode);
    }

    public Map<String, FileStats> files() {
        return files;
    }
}
