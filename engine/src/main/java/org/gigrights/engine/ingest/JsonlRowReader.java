package org.gigrights.engine.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads JSON Lines: one JSON object per line with the data standard's field names. Values may be
 * strings, numbers or booleans; null is a missing value. Blank lines are skipped.
 */
public final class JsonlRowReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;
    private final BufferedReader in;

    public JsonlRowReader(String file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    public long read(Consumer<RawRow> rows, Consumer<String> warnings) throws IOException {
        Set<String> unknown = new TreeSet<>();
        long count = read(rows, unknown);
        if (!unknown.isEmpty()) {
            warnings.accept(unknownFieldsWarning(file, unknown));
        }
        return count;
    }

    /** The warning for the unknown fields of a file, which were ignored. */
    public static String unknownFieldsWarning(String file, Set<String> unknown) {
        return file + ": unknown fields ignored: " + String.join(", ", unknown);
    }

    /** Reads every row; adds the unknown field names it ignored to {@code unknown}. */
    public long read(Consumer<RawRow> rows, Set<String> unknown) throws IOException {
        long count = 0;
        long line = 0;
        String text;
        while ((text = nextLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            count++;
            rows.accept(line(file, text, line, unknown));
        }
        return count;
    }

    private final char[] buf = new char[8192];
    private int pos;
    private int len;

    /**
     * The next line without its line feed, or null at the end. A line ends with a line feed, or
     * CR LF; a carriage return anywhere else stays in the line (docs/data-standard.md), where JSON
     * reads it as white space. {@link BufferedReader#readLine} would end a line there too.
     */
    private String nextLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return line == null ? null : withoutCr(line);
                }
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            if (line == null) {
                line = new StringBuilder(pos - start + 16);
            }
            line.append(buf, start, pos - start);
            if (pos < len) {
                pos++;
                return withoutCr(line);
            }
        }
    }

    private static String withoutCr(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }

    /**
     * Reads one line's text (not blank, without its line end) as line {@code line} of {@code
     * file}; adds the unknown field names it ignored to {@code unknown}. A byte order mark here is
     * text: only the file's first line may start with one, which {@link #read} leaves out.
     */
    public static RawRow line(String file, String text, long line, Set<String> unknown) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return bad(file, text, line, "not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName().trim().toLowerCase(Locale.ROOT);
                JsonToken v = p.nextToken();
                boolean known = Fields.KNOWN.contains(name);
                if (!known) {
                    unknown.add(name);
                    p.skipChildren();
                    continue;
                }
                switch (v) {
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.put(name, p.getText());
                    case VALUE_TRUE -> fields.put(name, "true");
                    case VALUE_FALSE -> fields.put(name, "false");
                    case VALUE_NULL -> {}
                    default -> {
                        return bad(file, text, line, "field " + name + " is not a string, number or boolean");
                    }
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return bad(file, text, line, "more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            return bad(file, text, line, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return bad(file, text, line, "invalid JSON: " + e.getMessage());
        }
        return new RawRow(file, line, text, fields, null);
    }

    private static RawRow bad(String file, String text, long line, String why) {
        return new RawRow(file, line, text, Map.of(), new Rejection(file, line, RejectCode.BAD_JSON, why, text));
    }
}
