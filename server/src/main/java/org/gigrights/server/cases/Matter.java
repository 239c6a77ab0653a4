package org.gigrights.server.cases;

/** What a case is about; a worker's cases are de-duplicated by (platform, worker, matter). */
public enum Matter {
    /** 劳动报酬: pay below the minimum, late pay, holiday pay. */
    PAY,
    /** 休息与工时 */
    HOURS,
    /** 职业伤害保障 */
    INJURY,
    /** 押金 */
    DEPOSIT,
    /** 其他 */
    OTHER;

    /** The matter of a finding's rule. */
    public static Matter ofRule(String rule) {
        return switch (rule) {
            case "MIN_WAGE", "PAY_DELAY", "HOLIDAY_PAY" -> PAY;
            case "REST_BREAK", "DAILY_HOURS" -> HOURS;
            case "INJURY_COVER" -> INJURY;
            case "DEPOSIT" -> DEPOSIT;
            default -> OTHER;
        };
    }
}
