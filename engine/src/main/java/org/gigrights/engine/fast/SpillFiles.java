package org.gigrights.engine.fast;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Binary spill files for inputs larger than memory: rows partitioned by worker (for the rules)
 * and by event id (for deduplication), each partition small enough to process in memory.
 */
final class SpillFiles implements AutoCloseable {
    final int partitions;
    private final Path dir;
    private final DataOutputStream[] byWorker;
    private final DataOutputStream[] byId;

    SpillFiles(Path dir, int partitions) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.partitions = partitions;
        byWorker = new DataOutputStream[partitions];
        byId = new DataOutputStream[partitions];
        for (int p = 0; p < partitions; p++) {
            byWorker[p] = open(workerFile(p));
            byId[p] = open(idFile(p));
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    Path workerFile(int p) {
        return dir.resolve("worker-" + p + ".bin");
    }

    Path idFile(int p) {
        return dir.resolve("id-" + p + ".bin");
    }

    static int workerPartition(int key, int partitions) {
        return Math.floorMod(key * 0x9E3779B9, partitions);
    }

    static int idPartition(long idHash, int platform, int partitions) {
        return (int) Math.floorMod(Bytes.mix(idHash * 31 + platform), (long) partitions);
    }

    /** Writes one task's rows (keys, platforms and side references already global). */
    void write(Columns c, int task) {
        try {
            for (int r = 0; r < c.size; r++) {
                int wp = workerPartition(c.key[r], partitions);
                DataOutputStream w = byWorker[wp];
                synchronized (w) {
                    w.writeLong(c.time[r]);
                    w.writeLong(c.amount[r]);
                    w.writeLong(c.idHash[r]);
                    w.writeLong(c.orderHash[r]);
                    w.writeLong(c.ref[r]);
                    w.writeInt(c.key[r]);
                    w.writeInt(c.platform[r]);
                    w.writeInt(c.region[r]);
                    w.writeInt(c.line[r]);
                    w.writeInt(c.idPos[r]);
                    w.writeInt(task);
                    w.writeByte(c.type[r]);
                    w.writeByte(c.insured[r]);
                    w.writeByte(c.reason[r]);
                }
                DataOutputStream i = byId[idPartition(c.idHash[r], c.platform[r], partitions)];
                synchronized (i) {
                    i.writeLong(c.idHash[r]);
                    i.writeLong(c.ref[r]);
                    i.writeLong(c.time[r]);
                    i.writeInt(c.platform[r]);
                    i.writeInt(c.idPos[r]);
                    i.writeInt(c.line[r]);
                    i.writeInt(task);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes and closes the writers; the files stay for reading. */
    void finishWriting() throws IOException {
        for (int p = 0; p < partitions; p++) {
            byWorker[p].close();
            byId[p].close();
        }
    }

    /** Reads a worker partition back as columns; {@code task} holds each row's task. */
    Columns readWorkers(int p, int[][] taskOut) throws IOException {
        Columns c = new Columns(1024);
        IntList tasks = new IntList();
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(workerFile(p)), 1 << 16))) {
            while (true) {
                long time;
                try {
                    time = in.readLong();
                } catch (EOFException e) {
                    break;
                }
                long amount = in.readLong();
                long id = in.readLong();
                long order = in.readLong();
                long ref = in.readLong();
                int key = in.readInt();
                int platform = in.readInt();
                int region = in.readInt();
                int line = in.readInt();
                int idPos = in.readInt();
                tasks.add(in.readInt());
                int type = in.readByte();
                boolean insured = in.readByte() != 0;
                int reason = in.readByte();
                c.add(time, amount, id, order, ref, key, platform, region, line, type, insured, reason, idPos);
            }
        }
        taskOut[0] = tasks.toArray();
        return c;
    }

    /** One row of an id partition. */
    record IdRow(long idHash, long ref, long time, int platform, int idPos, int line, int task) {}

    IdRow[] readIds(int p) throws IOException {
        java.util.List<IdRow> rows = new java.util.ArrayList<>();
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(idFile(p)), 1 << 16))) {
            while (true) {
                long id;
                try {
                    id = in.readLong();
                } catch (EOFException e) {
                    break;
                }
                rows.add(new IdRow(
                        id, in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readInt()));
            }
        }
        return rows.toArray(IdRow[]::new);
    }

    @Override
    public void close() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** A growable int list. */
    static final class IntList {
        private int[] a = new int[1024];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
