package org.gigrights.server.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A worker's complaint as filed on the mobile page.
 *
 * @param findings ids of the worker's own findings to attach
 * @param allFindings attach every open finding of the worker (the one-tap button)
 */
public record Intake(
        Matter matter,
        String description,
        LocalDate daysFrom,
        LocalDate daysTo,
        List<Long> findings,
        boolean allFindings,
        List<Upload> uploads) {}
