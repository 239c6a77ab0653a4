package org.gigrights.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh directories for the embedded PostgreSQL of each test context. */
public final class TestDatabase {
    private TestDatabase() {}

    /** An empty directory under target/, wiped if it existed. */
    public static String fresh(String name) {
        Path dir = Path.of("target", "it-db", name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.toAbsolutePath().toString();
    }
}
