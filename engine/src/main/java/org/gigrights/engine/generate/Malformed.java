package org.gigrights.engine.generate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/** The few malformed rows a real feed has: each breaks exactly one rule of the data standard. */
final class Malformed {
    private Malformed() {}

    static String row(String id, String platform, String worker, long epochSecond, SplittableRandom r) {
        String local = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.ofHours(8))
                .toString();
        String time = local + "+08:00";
        return switch (r.nextInt(5)) {
            case 0 -> String.join(",", id, platform, worker, "", "ONLINE", local, "", "", "", "", "");
            case 1 -> String.join(",", id, platform, worker, "", "PAYOUT", time, "", "-12.00", "", "", "");
            case 2 -> String.join(",", id, platform, worker, "", "ORDER_DONE", time, "o1", "9.00", "", "true", "");
            case 3 -> String.join(",", id, platform, worker, "", "ORDER_ACCEPT", time, "o1", "", "5001", "", "");
            default -> String.join(",", id, platform, "", "", "OFFLINE", time, "", "", "", "", "");
        };
    }
}
