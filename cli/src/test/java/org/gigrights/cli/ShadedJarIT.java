package org.gigrights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a separate process, the way the launcher does. */
class ShadedJarIT {
    @TempDir
    Path tmp;

    @Test
    void thePackagedJarAuditsTheSampleOnItsOwn() throws Exception {
        Path jar = Path.of("target/gigrights.jar");
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-jar",
                        jar.toString(),
                        "audit",
                        "--in",
                        AuditCommandIT.SAMPLE.toString(),
                        "--out",
                        tmp.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log.txt").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("log.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("findings");
        assertThat(tmp.resolve("report.html")).isNotEmptyFile();
        assertThat(new File(tmp.toFile(), "findings.jsonl")).isNotEmpty();
    }
}
