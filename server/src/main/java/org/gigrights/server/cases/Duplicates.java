package org.gigrights.server.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which case a new intake joins: the oldest open case of the same platform, worker and matter. Pure;
 * {@code CaseIntake} holds an advisory lock on (platform, worker, matter) while it asks.
 */
public final class Duplicates {
    private Duplicates() {}

    /** A stored case as far as de-duplication cares. */
    public record Existing(long id, String platform, String worker, Matter matter, Stage stage) {}

    /** The case to link the intake to, or empty when it opens a new case. */
    public static Optional<Existing> linkTo(List<Existing> cases, String platform, String worker, Matter matter) {
        return cases.stream()
                .filter(c -> c.platform().equals(platform)
                        && c.worker().equals(worker)
                        && c.matter() == matter
                        && c.stage().open())
                .min(Comparator.comparingLong(Existing::id));
    }
}
