package org.gigrights.engine.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.gigrights.engine.ingest.Rejection;

/** Writes rejected rows as they come to {@code rejects.csv}: line, file, reason, original row. */
public final class RejectsCsvWriter implements Consumer<Rejection>, Closeable {
    /** The header of the rejects file. */
    public static final String HEADER = "line,file,reason,row";

    private final BufferedWriter out;

    public RejectsCsvWriter(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
    }

    @Override
    public void accept(Rejection r) {
        try {
            Csv.row(out, Long.toString(r.line()), r.file(), r.reason(), r.raw());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
