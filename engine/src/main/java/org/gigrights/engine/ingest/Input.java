package org.gigrights.engine.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * One input of an audit: a name for messages, how to open it, and its format.
 *
 * @param name the name given on the command line, or {@code -} for standard input
 * @param opener opens the raw bytes
 * @param format the row format
 * @param gzip whether the bytes are gzip-compressed
 * @param path the file, when the input is one (so that it can be mapped), else null
 */
public record Input(String name, Opener opener, Format format, boolean gzip, Path path) {

    /** An input that is not a file. */
    public Input(String name, Opener opener, Format format, boolean gzip) {
        this(name, opener, format, gzip, null);
    }

    /** The row formats of the data standard. */
    public enum Format {
        CSV,
        JSONL
    }

    /** Opens an input's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** A file, its format told by its name: {@code .csv}, {@code .jsonl} or {@code .ndjson}, each with an optional {@code .gz}. */
    public static Input file(Path path) {
        String name = path.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gz = lower.endsWith(".gz");
        String base = gz ? lower.substring(0, lower.length() - 3) : lower;
        Format format;
        if (base.endsWith(".csv")) {
            format = Format.CSV;
        } else if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".json")) {
            format = Format.JSONL;
        } else {
            throw new IllegalArgumentException(
                    name + ": cannot tell the format from the name (use .csv, .jsonl or .ndjson, optionally .gz)");
        }
        return new Input(name, () -> Files.newInputStream(path), format, gz, path);
    }

    /** Standard input in a given format; gzip is recognised by its magic bytes. */
    public static Input stdin(Format format) {
        return new Input("-", () -> System.in, format, false);
    }

    /** Opens the decompressed bytes; gzip is also recognised by its magic bytes. */
    public InputStream openStream() throws IOException {
        InputStream in = new BufferedInputStream(opener.open(), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (gzip || (b1 == 0x1f && b2 == 0x8b)) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /** Opens the text as UTF-8; bytes that are not UTF-8 read as U+FFFD (the row is then judged as text). */
    public BufferedReader openReader() throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(openStream(), decoder), 1 << 16);
    }
}
