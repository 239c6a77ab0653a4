package org.gigrights.server.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as lists and pages show it.
 *
 * @param dueKind the deadline running now ({@code acceptance}, {@code mediation}, {@code payment}, ...)
 * @param flag {@code OK}, {@code SOON} (within the warning days) or {@code OVERDUE}
 * @param linkedIntakes later complaints on the same matter linked to this case
 * @param extendedKind the period that was extended ({@code inspection}, {@code arbitration}), or null
 * @param supervisor the supervisor an overdue case was escalated to, or null
 */
public record CaseView(
        long id,
        Origin origin,
        Matter matter,
        String platform,
        String worker,
        String district,
        Stage stage,
        String description,
        LocalDate daysFrom,
        LocalDate daysTo,
        String triggerName,
        Instant openedAt,
        Instant updatedAt,
        String mediator,
        String dueKind,
        LocalDate dueDate,
        LocalDate answerDue,
        Instant answeredAt,
        String outcome,
        boolean missedDeadline,
        Instant escalatedAt,
        int linkedIntakes,
        Integer rating,
        String flag,
        String extendedKind,
        String supervisor) {}
