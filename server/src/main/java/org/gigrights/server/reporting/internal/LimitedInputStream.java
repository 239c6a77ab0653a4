package org.gigrights.server.reporting.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.gigrights.server.shared.ErrorCode;
import org.gigrights.server.shared.GigrightsException;

/** Fails with {@link ErrorCode#BODY_TOO_LARGE} once more than a limit of bytes has been read. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new GigrightsException(
                    ErrorCode.BODY_TOO_LARGE,
                    "the body is larger than the limit of " + limit + " bytes; split it into batches");
        }
    }
}
