package org.gigrights.cli;

import java.io.PrintWriter;
import org.gigrights.engine.audit.AuditResult;

/** Prints a progress line on long runs and a one-line result at the end. */
final class Progress {
    private final PrintWriter err;
    private final boolean quiet;
    private final long start = System.nanoTime();

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    private long lastPrint = System.nanoTime();

    /** Prints the rows read so far, at most every two seconds. */
    synchronized void rows(long rows) {
        long now = System.nanoTime();
        if (quiet || now - lastPrint < 2_000_000_000L) {
            return;
        }
        lastPrint = now;
        double secs = (now - start) / 1e9;
        err.printf("read %,d rows (%,.0f rows/s)%n", rows, rows / Math.max(secs, 1e-9));
        err.flush();
    }

    /** Prints how far a long step has come, at most every two seconds. */
    synchronized void step(String name, long done, long total) {
        long now = System.nanoTime();
        if (quiet || (now - lastPrint < 2_000_000_000L && done < total)) {
            return;
        }
        lastPrint = now;
        err.printf("%s: %,d of %,d (%.1f s)%n", name, done, total, (now - start) / 1e9);
        err.flush();
    }

    void done(AuditResult r) {
        done(r, r.findings().size());
    }

    void done(AuditResult r, long findings) {
        if (quiet) {
            return;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        err.printf(
                "audited %,d rows in %.1f s: %,d accepted, %,d duplicates, %,d rejected; %,d findings%n",
                r.ingest().rowsRead(),
                secs,
                r.ingest().accepted(),
                r.ingest().duplicates(),
                r.ingest().rejected(),
                findings);
        err.flush();
    }
}
