package org.gigrights.engine.stream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PAY_DELAY's dates whose late lots are all paid, kept on disk until the end of input: their
 * findings want only the period end. Months of a large feed would otherwise fill the heap with
 * them. One record per date: worker number, date, longest wait, late amount, cycle, ids.
 */
final class PaidDates implements AutoCloseable {
    /** One date read back. */
    record Paid(int worker, int day, long waitMillis, long lateCents, BigDecimal cycle, List<String> ids) {}

    private final Path file;
    private final DataOutputStream out;
    private long count;

    PaidDates() {
        try {
            file = Files.createTempFile("gigrights-paid-dates-", ".bin");
            file.toFile().deleteOnExit();
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the temporary file of paid dates", e);
        }
    }

    void add(int worker, int day, long waitMillis, long lateCents, BigDecimal cycle, List<String> ids) {
        try {
            out.writeInt(worker);
            out.writeInt(day);
            out.writeLong(waitMillis);
            out.writeLong(lateCents);
            out.writeUTF(cycle.toPlainString());
            out.writeInt(ids.size());
            for (String id : ids) {
                out.writeUTF(id);
            }
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write paid dates to " + file, e);
        }
    }

    /** Reads every date back, in the order written. */
    void replay(java.util.function.Consumer<Paid> each) throws IOException {
        out.flush();
        if (count == 0) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (long r = 0; r < count; r++) {
                int worker = in.readInt();
                int day = in.readInt();
                long wait = in.readLong();
                long cents = in.readLong();
                BigDecimal cycle = new BigDecimal(in.readUTF());
                int n = in.readInt();
                List<String> ids = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    ids.add(in.readUTF());
                }
                each.accept(new Paid(worker, day, wait, cents, cycle, ids));
            }
        } catch (EOFException e) {
            throw new IOException(file + " ended early: the paid dates are incomplete", e);
        }
    }

    @Override
    public void close() throws IOException {
        try (out) {
            Files.deleteIfExists(file);
        }
    }
}
