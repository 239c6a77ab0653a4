package org.gigrights.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.model.Finding;
import org.gigrights.rules.params.RulePack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One input, one order of findings and rejects: however the reads of a pipe happen to split the
 * input into batches, the streaming audit writes the same lines in the same order.
 */
class StreamOrderTests {
    private final long sweepRows = OrderedAudit.sweepRows;
    private final int batchBytes = OrderedAudit.batchBytes;

    @BeforeEach
    void smallBatchesAndFrequentSweeps() {
        OrderedAudit.sweepRows = 97;
        OrderedAudit.batchBytes = 4096;
    }

    @AfterEach
    void restore() {
        OrderedAudit.sweepRows = sweepRows;
        OrderedAudit.batchBytes = batchBytes;
    }

    record Run(List<Finding> findings, List<Rejection> rejects) {}

    @Test
    void readsOfAnySizeGiveTheSameFindingsAndRejectsInTheSameOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(60, 20, 11, LocalDate.of(2026, 4, 20), false)).write(out, n -> {});
        byte[] csv = withBadRows(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        Run whole = run(csv, null);
        assertThat(whole.findings()).hasSizeGreaterThan(50);
        assertThat(whole.rejects())
                .extracting(Rejection::code)
                .contains(org.gigrights.engine.ingest.RejectCode.LATE)
                .hasSizeGreaterThan(10);
        for (long seed = 1; seed <= 4; seed++) {
            Run split = run(csv, new Random(seed));
            assertThat(split.findings()).containsExactlyElementsOf(whole.findings());
            assertThat(split.rejects()).containsExactlyElementsOf(whole.rejects());
        }
    }

    @Test
    void rowsWhosePlatformAndWorkerJoinToTheSameBytesAreTwoWorkers() throws IOException {
        // The reader keeps the previous row's worker when its platform and worker bytes repeat:
        // "AB" + "C" and "A" + "BC" are the same bytes split at another place.
        String csv = "event_id,platform,worker,person,type,time,order,amount,region,insured,reason\n"
                + "d1,AB,C,,DEDUCTION,2026-04-20T10:00:00+08:00,,50.00,,,DEPOSIT\n"
                + "d2,A,BC,,DEDUCTION,2026-04-20T10:00:01+08:00,,60.00,,,DEPOSIT\n"
                + "d3,AB,C,,DEDUCTION,2026-04-20T10:00:02+08:00,,70.00,,,DEPOSIT\n";
        Run run = run(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(run.rejects()).isEmpty();
        assertThat(run.findings())
                .extracting(f -> f.platform() + "/" + f.worker() + ":" + f.evidence())
                .containsExactlyInAnyOrder("A/BC:[d2]", "AB/C:[d1]", "AB/C:[d3]");
    }

    /** The city with a row the parser rejects after every 150th line, and a late row after every 170th. */
    private static byte[] withBadRows(String csv) {
        StringBuilder b = new StringBuilder();
        String[] lines = csv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            b.append(lines[i]).append('\n');
            if (i > 0 && i % 170 == 0) {
                // The first event again under a new id: once its date is judged, it is LATE.
                b.append("late-")
                        .append(i)
                        .append(lines[1].substring(lines[1].indexOf(',')))
                        .append('\n');
            }
            if (i > 0 && i % 150 == 0) {
                b.append("bad-").append(i).append(",P1,W1,,ORDER_ACCEPT,not-a-time,o1,,500107,,\n");
            }
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Runs the streaming audit over the bytes, read in pieces of random size when given a random. */
    private static Run run(byte[] csv, Random pieces) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Rejection> rejects = new ArrayList<>();
        new OrderedAudit(RulePack.chongqing(), Clock.systemUTC(), OrderedAudit.Bounds.defaults())
                .findings(findings::add)
                .run(
                        List.of(new Input("city.csv", () -> new Pieces(csv, pieces), Input.Format.CSV, false)),
                        rejects::add,
                        w -> {},
                        n -> {});
        return new Run(findings, rejects);
    }

    /** A stream whose reads return at most a random number of bytes, as a pipe's do. */
    private static final class Pieces extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int at;

        Pieces(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - at), random == null ? len : 1 + random.nextInt(6000));
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
