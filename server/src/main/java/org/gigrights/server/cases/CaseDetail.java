package org.gigrights.server.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case with every step, document, session, the agreement and the linked findings. */
public record CaseDetail(
        CaseView c,
        List<Step> steps,
        List<Document> documents,
        List<Session> sessions,
        Agreement agreement,
        List<Long> findings) {

    /** A recorded command. */
    public record Step(
            long id,
            Instant at,
            String username,
            String role,
            String command,
            Stage from,
            Stage to,
            String reason,
            LocalDate dueDate,
            boolean onTime) {
        /** The time in Chongqing, to the minute. */
        public String time() {
            return local(at);
        }
    }

    static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm")
            .withZone(java.time.ZoneId.of("Asia/Shanghai"));

    static String local(Instant t) {
        return t == null ? "" : MINUTE.format(t);
    }

    /** A stored attachment (the bytes are fetched separately). */
    public record Document(long id, Long stepId, String name, String contentType, long size, String uploadedBy) {}

    /** A mediation session. */
    public record Session(long id, Instant scheduledAt, String place, String workerSaid, String platformSaid) {
        public String time() {
            return local(scheduledAt);
        }
    }

    /**
     * The mediation agreement: the mediator's draft, the parties' signatures, its payment.
     *
     * @param version the draft's number; each redraft starts the signatures over
     * @param refusedBy the role that refused this version ({@code WORKER} or {@code PLATFORM}), or null
     * @param signedAt when the second party signed and the agreement took effect, or null
     */
    public record Agreement(
            int version,
            long amountCents,
            LocalDate dueDate,
            String terms,
            boolean wage,
            String draftedBy,
            Instant draftedAt,
            Instant workerSignedAt,
            Instant platformSignedAt,
            String refusedBy,
            Instant refusedAt,
            String refusal,
            Instant signedAt,
            Instant paidAt,
            Instant paymentOrderAt) {
        public String amountYuan() {
            return java.math.BigDecimal.valueOf(amountCents, 2).toPlainString();
        }

        /** Whether both parties signed. */
        public boolean effective() {
            return signedAt != null;
        }

        /** The draft's state for {@link CaseMachine}. */
        public CaseMachine.Draft draft() {
            return new CaseMachine.Draft(workerSignedAt != null, platformSignedAt != null, refusedBy != null);
        }
    }
}
