package org.gigrights.server.load;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.generate.PlatformProfile;
import org.gigrights.server.SignedClient;
import org.gigrights.server.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures a running service (started with {@code ./gigrights demo}, whose demo keys it uses):
 * the dashboard's page time (warm-up, then timed requests as the city-wide inspector) and the
 * sustained ingest rate through the signed API (acknowledged = 201 after commit). The events are a
 * generated city with another seed whose event and worker ids get an {@code L} prefix, so every
 * event is new; batches are sent per platform in file order, one at a time, bounded in count and time.
 *
 * <p>Run: {@code ./mvnw -B -o -pl server -am test -Dtest=LoadDriver -Dsurefire.failIfNoSpecifiedTests=false
 * -Dload.port=8080 [-Dload.workers=600 -Dload.batch=5000 -Dload.seconds=180 -Dload.dashboard=200]}
 */
@EnabledIfSystemProperty(named = "load.port", matches = "\\d+")
public class LoadDriver {
    @Test
    void measure() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("load.port", 8080);
        dashboard(port, Integer.getInteger("load.dashboard", 200), Integer.getInteger("load.warmup", 30));
        ingest(
                port,
                Integer.getInteger("load.workers", 600),
                Integer.getInteger("load.batch", 5000),
                Integer.getInteger("load.seconds", 180),
                Integer.getInteger("load.maxBatches", 400));
    }

    static void dashboard(int port, int n, int warmup) {
        WebSession s = new WebSession(port);
        String to = s.login("inspector", System.getProperty("load.password", "demo2026"));
        if (!to.equals("/")) {
            throw new IllegalStateException("login failed: " + to);
        }
        for (int i = 0; i < warmup; i++) {
            check(s.get("/dashboard"));
        }
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            check(s.get("/dashboard"));
            ms[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf(
                "dashboard: %d requests after %d warm-up: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                n,
                warmup,
                ms[n / 2] / 1e3,
                ms[(int) Math.ceil(n * 0.95) - 1] / 1e3,
                ms[(int) Math.ceil(n * 0.99) - 1] / 1e3,
                ms[n - 1] / 1e3);
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("status " + r.statusCode());
        }
    }

    static void ingest(int port, int workers, int batchRows, int seconds, int maxBatches) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 24);
        long rows = new CityGenerator(new CityGenerator.Options(workers, 30, 77, LocalDate.parse("2026-04-20"), false))
                .write(out, n -> {});
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        String header = lines[0];
        Map<String, List<String>> byPlatform = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.indexOf('"') >= 0) {
                continue;
            }
            String[] f = l.split(",", -1);
            if (f.length < 3) {
                continue;
            }
            f[0] = "L" + f[0];
            f[2] = "L" + f[2];
            byPlatform.computeIfAbsent(f[1], k -> new ArrayList<>()).add(String.join(",", f));
        }
        System.out.printf("ingest: generated %d rows for %d workers%n", rows, workers);
        List<String[]> batches = new ArrayList<>(); // {platform index, body}
        int more = 1;
        for (int off = 0; more > 0; off += batchRows) {
            more = 0;
            for (int p = 0; p < PlatformProfile.CITY.length; p++) {
                List<String> mine = byPlatform.getOrDefault(PlatformProfile.CITY[p].code(), List.of());
                if (off < mine.size()) {
                    more++;
                    batches.add(new String[] {
                        Integer.toString(p),
                        header + "\n" + String.join("\n", mine.subList(off, Math.min(mine.size(), off + batchRows)))
                                + "\n"
                    });
                }
            }
        }
        SignedClient[] clients = new SignedClient[PlatformProfile.CITY.length];
        for (int p = 0; p < clients.length; p++) {
            clients[p] = new SignedClient(port, "AK-DEMO-0" + (p + 1), "SK-DEMO-0" + (p + 1) + "-not-for-production");
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        long accepted = 0, read = 0, sent = 0, recomputed = 0;
        List<Long> batchMs = new ArrayList<>();
        for (String[] b : batches) {
            if (sent >= maxBatches || System.nanoTime() > deadline) {
                break;
            }
            long s0 = System.nanoTime();
            SignedClient.Answer a = clients[Integer.parseInt(b[0])].postCsv(b[1]);
            batchMs.add((System.nanoTime() - s0) / 1_000_000);
            if (a.status() != 201) {
                throw new IllegalStateException("batch answered " + a.status() + ": " + a.text());
            }
            accepted += a.body().get("accepted").asLong();
            read += a.body().get("rowsRead").asLong();
            recomputed += a.body().get("workersRecomputed").asLong();
            sent++;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        batchMs.sort(null);
        System.out.printf(
                "ingest: %d batches of <= %d rows in %.1f s: %d rows read, %d events accepted (durable, 201),"
                        + " %.0f events/s; %d worker recomputations; batch p50 %d ms, p95 %d ms, max %d ms%n",
                sent,
                batchRows,
                s,
                read,
                accepted,
                accepted / s,
                recomputed,
                batchMs.get(batchMs.size() / 2),
                batchMs.get((int) Math.ceil(batchMs.size() * 0.95) - 1),
                batchMs.get(batchMs.size() - 1));
    }
}
