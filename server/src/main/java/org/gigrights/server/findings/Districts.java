package org.gigrights.server.findings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names of Chongqing's districts by 6-digit code, from the rule pack's regions table. */
public final class Districts {
    private static final Map<String, String> NAMES = load();

    private Districts() {}

    public static String name(String code) {
        if (code == null) {
            return "未知 unknown";
        }
        return NAMES.getOrDefault(code, code);
    }

    public static Map<String, String> all() {
        return NAMES;
    }

    private static Map<String, String> load() {
        Map<String, String> m = new LinkedHashMap<>();
        String path = "/org/gigrights/rules/packs/chongqing/regions.csv";
        try (InputStream in = Districts.class.getResourceAsStream(path)) {
            if (in == null) {
                return Map.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                m.put(f[0].strip(), f[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(m);
    }
}
