package org.gigrights.server.cases;

/** Where a case stands. Labels for pages are in {@code messages*.properties} as {@code stage.NAME}. */
public enum Stage {
    /** 待受理: filed or opened, not yet accepted. */
    INTAKE,
    /** 已受理 */
    ACCEPTED,
    /** 不予受理 (with a reason) */
    REJECTED,
    /** 已分派调解员 */
    ASSIGNED,
    /** 调解中 */
    MEDIATION,
    /** 达成调解协议 */
    AGREEMENT,
    /** 调解未达成协议 */
    NO_AGREEMENT,
    /** 已转劳动争议仲裁 */
    ARBITRATION,
    /** 已转劳动保障监察 */
    INSPECTION,
    /** 已处置 */
    DISPOSED,
    /** 劳动者已评价 */
    EVALUATED,
    /** 已结案 */
    CLOSED,
    /** 劳动者已撤回 */
    WITHDRAWN;

    /** Whether the case is still being handled (a new intake on the same matter is linked to it). */
    public boolean open() {
        return switch (this) {
            case REJECTED, DISPOSED, EVALUATED, CLOSED, WITHDRAWN -> false;
            default -> true;
        };
    }
}
