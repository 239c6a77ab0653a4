package org.gigrights.rules.params;

/** Names of the scalar parameters in {@code parameters.csv}; any of them may be set per platform. */
public final class Param {
    private Param() {}

    /** Continuous work above this many minutes needs a break (240). */
    public static final String REST_MAX_CONTINUOUS_MINUTES = "rest.max_continuous_minutes";
    /** A gap of at least this many minutes is a break (20). */
    public static final String REST_MIN_BREAK_MINUTES = "rest.min_break_minutes";
    /** Daily working-time warning level in hours (12). */
    public static final String DAILY_MAX_HOURS = "hours.daily_max_hours";
    /** Days before a holiday that form the pay baseline (28). */
    public static final String HOLIDAY_BASELINE_DAYS = "holiday.baseline_days";
    /** Fewest baseline orders for a holiday comparison (5). */
    public static final String HOLIDAY_MIN_BASELINE_ORDERS = "holiday.min_baseline_orders";
    /** Holiday pay must exceed this multiple of normal pay for workers without a labor contract (1.0). */
    public static final String HOLIDAY_MULTIPLIER = "holiday.multiplier_no_contract";
    /** Longest time in days earnings may wait for a payout (31). */
    public static final String PAY_CYCLE_DAYS = "pay.cycle_days";
    /** 宽放 allowance as a fraction of order time (0). */
    public static final String TIME_ALLOWANCE = "time.allowance";
}
