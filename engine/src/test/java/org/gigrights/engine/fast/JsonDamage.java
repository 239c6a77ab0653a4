package org.gigrights.engine.fast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gigrights.engine.generate.CityGenerator;

/**
 * A small generated city in JSON Lines with lines damaged the ways JSON goes wrong or merely looks
 * different; lines a damage adds (duplicates, conflicts, blank lines) follow the line they copy,
 * so that the file stays in time order for the streaming audit.
 */
public final class JsonDamage {
    private JsonDamage() {}

    static final String[] MUTATIONS = {
        "space-after-colon",
        "python-separators",
        "tabs",
        "padded-line",
        "space-in-value",
        "escaped-worker",
        "number-amount",
        "bool-insured",
        "null-person",
        "empty-person",
        "unknown-key",
        "extra-value",
        "extra-upper",
        "extra-repeated",
        "upper-key",
        "repeated-key",
        "drop-key",
        "crlf",
        "lone-cr",
        "cr-inside",
        "blank",
        "spaces-line",
        "trailing-garbage",
        "not-object",
        "nested",
        "bom",
        "duplicate",
        "conflict",
        "unicode-worker",
        "t-space",
        "odd-byte"
    };

    /** Fields beyond the standard's, with values the standard reader skips or refuses. */
    private static final String[] EXTRA = {
        "\"note\":\"a \\\"b\\\" \\u96e8 雨\"",
        "\"shift\":-1.5e3",
        "\"flag\":true",
        "\"gone\":null",
        "\"obj\":{\"a\":[1,2]}",
        "\"where\":{\"lat\":29.5,\"tags\":[\"x\",{\"k\":null}]}",
        "\"dup\":{\"a\":1,\"a\":2}",
        "\"trail\":[1,]",
        "\"deep\":[[[[[[[[[[1]]]]]]]]]]",
        "\"lead\":01",
        "\"esc\":\"\\x\"",
        "\"tab\":\"a\tb\"",
        "\"Worker\":\"W9\""
    };

    /** Bytes the JSON scanner must notice wherever they fall. */
    private static final String[] ODD = {" ", "\t", "\"", "\\", "\r", ",", ":", "{", "}", "é", "\u007f", "\u000b", "x"};

    /** The city's lines, undamaged. */
    public static List<String> city() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(25, 12, 99, LocalDate.parse("2026-04-25"), true))
                .write(out, n -> {});
        return new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    /** The city with about one line in 30 damaged, chosen by the seed. */
    public static List<String> damagedCity(long seed) throws IOException {
        List<String> lines = city();
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> extra = new ArrayList<>();
            out.add(
                    r.nextInt(30) == 0
                            ? mutate(lines, i, MUTATIONS[r.nextInt(MUTATIONS.length)], r, extra)
                            : lines.get(i));
            out.addAll(extra);
        }
        return out;
    }

    static String mutate(List<String> lines, int i, String kind, Random r, List<String> extra) {
        String line = lines.get(i);
        return switch (kind) {
            case "space-after-colon" -> line.replace("\":\"", "\": \"");
            case "python-separators" -> line.replace("\":", "\": ").replace(",\"", ", \"");
            case "tabs" -> line.replace("\":", "\"\t:").replace(",\"", "\t,\"");
            case "padded-line" -> " " + line.replace("{", "{ ").replace("}", " }") + "\t";
            case "space-in-value" -> line.replaceFirst("\":\"([^\"]+)\"", "\":\" $1 \"");
            case "escaped-worker" -> line.replace("\"worker\":\"W", "\"worker\":\"\\u0057");
            case "number-amount" -> line.replaceAll("\"amount\":\"([0-9.]+)\"", "\"amount\":$1");
            case "bool-insured" -> line.replaceAll("\"insured\":\"(true|false)\"", "\"insured\":$1");
            case "null-person" -> line.replace("{", "{\"person\":null,");
            case "empty-person" -> line.replace("{", "{\"person\":\"\",");
            case "unknown-key" -> line.replace("{", "{\"note\":\"n" + r.nextInt(3) + "\",");
            case "extra-value" -> line.replace("{", "{" + EXTRA[r.nextInt(EXTRA.length)] + ",");
            case "extra-upper" -> line.replace("{", "{\"NOTE\":\"x\",");
            case "extra-repeated" -> line.replace("{", "{\"note\":1,\"note\":2,");
            case "upper-key" -> line.replace("\"type\"", "\"Type\"");
            case "repeated-key" -> line.replace("}", ",\"type\":\"ONLINE\"}");
            case "drop-key" -> line.replaceFirst(",\"time\":\"[^\"]*\"", "");
            case "crlf" -> line + "\r";
            case "lone-cr" -> line + "\r" + (i + 1 < lines.size() ? lines.get(i + 1) : "");
            case "cr-inside" -> line.substring(0, line.length() / 2) + "\r" + line.substring(line.length() / 2);
            case "blank" -> {
                extra.add("");
                yield line;
            }
            case "spaces-line" -> {
                extra.add("   ");
                yield line;
            }
            case "trailing-garbage" -> line + " x";
            case "not-object" -> "[" + line + "]";
            case "nested" -> line.replace("{", "{\"person\":{\"a\":1},");
            case "bom" -> "\uFEFF" + line;
            case "duplicate" -> {
                extra.add(line);
                yield line;
            }
            case "conflict" -> {
                extra.add(line.replace(":0", ":1"));
                yield line;
            }
            case "t-space" -> line.replaceFirst("(\"time\":\"[0-9-]{10})T", "$1 ");
            case "unicode-worker" -> line.replace("\"worker\":\"W", "\"worker\":\"骑手W");
            case "odd-byte" -> {
                int at = r.nextInt(line.length() + 1);
                yield line.substring(0, at) + ODD[r.nextInt(ODD.length)] + line.substring(at);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
