package org.gigrights.engine.fast;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
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
        int[] wCount = new int[partitions];
        int[] iCount = new int[partitions];
        int[] wPart = new int[c.size];
        int[] iPart = new int[c.size];
        for (int r = 0; r < c.size; r++) {
            wPart[r] = workerPartition(c.key[r], partitions);
            iPart[r] = idPartition(c.idHash[r], c.platform[r], partitions);
            wCount[wPart[r]]++;
            iCount[iPart[r]]++;
        }
        java.nio.ByteBuffer[] w = new java.nio.ByteBuffer[partitions];
        java.nio.ByteBuffer[] i = new java.nio.ByteBuffer[partitions];
        for (int p = 0; p < partitions; p++) {
            // The machine's byte order: no byte swapping for every field written and read back.
            w[p] = java.nio.ByteBuffer.allocate(wCount[p] * WORKER_ROW).order(java.nio.ByteOrder.nativeOrder());
            i[p] = java.nio.ByteBuffer.allocate(iCount[p] * ID_ROW).order(java.nio.ByteOrder.nativeOrder());
        }
        for (int r = 0; r < c.size; r++) {
            java.nio.ByteBuffer b = w[wPart[r]];
            b.putLong(c.time[r]).putLong(c.amount[r]).putLong(c.idHash[r]).putLong(c.orderHash[r]);
            b.putLong(c.ref[r]).putInt(c.key[r]).putInt(c.platform[r]).putInt(c.region[r]);
            b.putInt(c.line[r]).putInt(c.idPos[r]).putInt(task);
            b.put(c.type[r])
                    .put(c.insured[r])
                    .put(c.reason[r])
                    .putLong(c.idKey[r])
                    .putLong(c.idKey2[r]);
            java.nio.ByteBuffer d = i[iPart[r]];
            d.putLong(c.idHash[r]).putLong(c.ref[r]).putLong(c.time[r]);
            d.putInt(c.platform[r]).putInt(c.idPos[r]).putInt(c.line[r]).putInt(task);
        }
        try {
            for (int p = 0; p < partitions; p++) {
                synchronized (byWorker[p]) {
                    byWorker[p].write(w[p].array(), 0, w[p].position());
                }
                synchronized (byId[p]) {
                    byId[p].write(i[p].array(), 0, i[p].position());
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

    /** Reads a whole file; partitions are sized to fit in memory. */
    private static java.nio.ByteBuffer bytes(Path file) throws IOException {
        return java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.nativeOrder());
    }

    /** Reads a worker partition back as columns; {@code task} holds each row's task. */
    Columns readWorkers(int p, int[][] taskOut) throws IOException {
        java.nio.ByteBuffer in = bytes(workerFile(p));
        int n = in.remaining() / WORKER_ROW;
        Columns c = new Columns(Math.max(16, n));
        int[] tasks = new int[n];
        for (int k = 0; k < n; k++) {
            long time = in.getLong();
            long amount = in.getLong();
            long id = in.getLong();
            long order = in.getLong();
            long ref = in.getLong();
            int key = in.getInt();
            int platform = in.getInt();
            int region = in.getInt();
            int line = in.getInt();
            int idPos = in.getInt();
            tasks[k] = in.getInt();
            int type = in.get();
            boolean insured = in.get() != 0;
            int reason = in.get();
            long idKey = in.getLong();
            long idKey2 = in.getLong();
            c.add(
                    time, amount, id, order, ref, key, platform, region, line, type, insured, reason, idPos, idKey,
                    idKey2);
        }
        taskOut[0] = tasks;
        return c;
    }

    /** Bytes of one row in a worker partition. */
    static final int WORKER_ROW = 8 * 5 + 4 * 6 + 3 + 16;

    /** Bytes of one row in an id partition. */
    static final int ID_ROW = 8 * 3 + 4 * 4;

    /** The rows of an id partition, as columns. */
    static final class IdRows {
        int n;
        long[] idHash;
        long[] ref;
        long[] time;
        int[] platform;
        int[] idPos;
        int[] line;
        int[] task;
    }

    IdRows readIds(int p) throws IOException {
        java.nio.ByteBuffer in = bytes(idFile(p));
        IdRows r = new IdRows();
        int n = in.remaining() / ID_ROW;
        r.n = n;
        r.idHash = new long[n];
        r.ref = new long[n];
        r.time = new long[n];
        r.platform = new int[n];
        r.idPos = new int[n];
        r.line = new int[n];
        r.task = new int[n];
        for (int k = 0; k < n; k++) {
            r.idHash[k] = in.getLong();
            r.ref[k] = in.getLong();
            r.time[k] = in.getLong();
            r.platform[k] = in.getInt();
            r.idPos[k] = in.getInt();
            r.line[k] = in.getInt();
            r.task[k] = in.getInt();
        }
        return r;
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
