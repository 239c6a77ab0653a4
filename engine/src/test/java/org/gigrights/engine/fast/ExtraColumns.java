package org.gigrights.engine.fast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gigrights.engine.generate.CityGenerator;

/** A generated city in CSV with two columns the audit does not use, holding texts of every kind. */
public final class ExtraColumns {
    private ExtraColumns() {}

    /** Texts the fast parser reads itself. */
    public static final String[] PLAIN_TEXTS = {
        "重庆 渝中区",
        "\"雨天, 加价\"",
        "\"say \"\"hi\"\", bye\"",
        "x\"y",
        " \"quoted\" ",
        "\"\"",
        "",
        "  ",
        "é\u007f",
        "a\rb",
        "\"a\" tail \"b\"",
        "\"\" \"x\""
    };

    /** Texts the standard reader must decide: a quote after a tab, a line break in quotes, no end. */
    public static final String[] HARD_TEXTS = {"\t\"a,b\"", "\"multi\nline\"", "\u3000\"a,b\"", "\"unclosed"};

    private static List<String> city() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CityGenerator(new CityGenerator.Options(40, 14, 23, LocalDate.parse("2026-05-11"), false))
                .write(out, n -> {});
        return new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    }

    /** The city with a name column after the worker's and a remark column last. */
    public static String csv(String[] texts, long seed) throws IOException {
        List<String> lines = city();
        Random r = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            String name = i == 0 ? "rider_name" : texts[r.nextInt(texts.length)];
            String remark = i == 0 ? "remark" : texts[r.nextInt(texts.length)];
            List<String> row = new ArrayList<>(List.of(f));
            row.add(3, name);
            row.add(remark);
            csv.append(String.join(",", row)).append(r.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        return csv.toString();
    }

    /** Both kinds of text. */
    public static final String[] ALL_TEXTS =
            Stream.concat(Stream.of(PLAIN_TEXTS), Stream.of(HARD_TEXTS)).toArray(String[]::new);
}
