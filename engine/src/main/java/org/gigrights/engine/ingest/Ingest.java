package org.gigrights.engine.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gigrights.rules.model.WorkEvent;

/**
 * Reads inputs into accepted events: validates each row, rejects the malformed ones, and
 * deduplicates by platform and event id.
 *
 * <p>The first row seen for a key stands for it; an identical row is a duplicate; a row that
 * differs marks the key as a conflict, and when reading ends every row of a conflicting key is
 * rejected, so that the outcome does not depend on row order.
 */
public final class Ingest {
    private record Key(String platform, String eventId) {}

    private record RowRef(String file, long line, String raw) {}

    private static final class Slot {
        final WorkEvent event;
        final List<RowRef> rows = new ArrayList<>(1);
        boolean conflict;

        Slot(WorkEvent event) {
            this.event = event;
        }
    }

    private final Map<Key, Slot> slots = new HashMap<>();
    private final IngestStats stats = new IngestStats();
    private final Consumer<Rejection> rejects;
    private final Consumer<String> warnings;
    private final Consumer<Long> progress;
    private final List<String> warningList = new ArrayList<>();
    private String onlyPlatform;

    /**
     * @param rejects receives every rejected row (conflicts when {@link #finish()} runs)
     * @param warnings receives warnings about whole inputs, such as unknown columns
     * @param progress receives the running count of rows read, every million rows
     */
    public Ingest(Consumer<Rejection> rejects, Consumer<String> warnings, Consumer<Long> progress) {
        this.rejects = rejects;
        this.warnings = warnings;
        this.progress = progress;
    }

    /**
     * Restricts this ingest to one platform's rows: a valid row of another platform is rejected as
     * {@link RejectCode#FOREIGN_PLATFORM}. Used by the service, where a platform reports only for
     * itself.
     */
    public Ingest onlyPlatform(String platform) {
        this.onlyPlatform = platform;
        return this;
    }

    /** Reads every row of one input. */
    public void read(Input input) throws IOException {
        stats.file(input.name());
        Consumer<String> warn = w -> {
            warningList.add(w);
            warnings.accept(w);
        };
        try (BufferedReader reader = input.openReader()) {
            if (input.format() == Input.Format.CSV) {
                new CsvRowReader(input.name(), reader).read(this::row, warn);
            } else {
                new JsonlRowReader(input.name(), reader).read(this::row, warn);
            }
        }
    }

    private void row(RawRow row) {
        stats.row(row.file());
        if (stats.rowsRead() % 1_000_000 == 0) {
            progress.accept(stats.rowsRead());
        }
        EventParser.Result result = EventParser.parse(row);
        if (result.rejection() != null) {
            reject(result.rejection());
            return;
        }
        WorkEvent e = result.event();
        if (onlyPlatform != null && !onlyPlatform.equals(e.platform())) {
            reject(new Rejection(
                    row.file(),
                    row.line(),
                    RejectCode.FOREIGN_PLATFORM,
                    "platform " + e.platform() + " is not the reporting platform " + onlyPlatform,
                    row.raw()));
            return;
        }
        Slot slot = slots.computeIfAbsent(new Key(e.platform(), e.eventId()), k -> new Slot(e));
        if (!slot.event.equals(e)) {
            slot.conflict = true;
        }
        slot.rows.add(new RowRef(row.file(), row.line(), row.raw()));
    }

    private void reject(Rejection r) {
        stats.rejected(r);
        rejects.accept(r);
    }

    /** Ends reading: rejects the conflicts and returns the accepted events by platform and worker. */
    public Map<String, Map<String, List<WorkEvent>>> finish() {
        Map<String, Map<String, List<WorkEvent>>> byWorker = new LinkedHashMap<>();
        List<Rejection> conflicts = new ArrayList<>();
        for (Map.Entry<Key, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            if (slot.conflict) {
                String why = "event_id " + entry.getKey().eventId() + " of platform "
                        + entry.getKey().platform() + " appears in " + slot.rows.size()
                        + " rows with different content";
                for (RowRef ref : slot.rows) {
                    conflicts.add(new Rejection(ref.file(), ref.line(), RejectCode.CONFLICT, why, ref.raw()));
                }
                continue;
            }
            stats.accepted(1);
            stats.duplicates(slot.rows.size() - 1);
            byWorker.computeIfAbsent(slot.event.platform(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(slot.event.worker(), w -> new ArrayList<>())
                    .add(slot.event);
        }
        conflicts.sort((a, b) -> a.file().equals(b.file())
                ? Long.compare(a.line(), b.line())
                : a.file().compareTo(b.file()));
        conflicts.forEach(this::reject);
        slots.clear();
        return byWorker;
    }

    public IngestStats stats() {
        return stats;
    }

    /** The warnings so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warningList);
    }
}
