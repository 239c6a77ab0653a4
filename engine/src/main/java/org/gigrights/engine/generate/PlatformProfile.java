package org.gigrights.engine.generate;

/**
 * How one platform in the generated city behaves: its business, its pay and its compliance habits.
 *
 * @param code enterprise code (unified social credit code style)
 * @param kind the business, which sets order lengths and pay
 * @param payPerMinuteCents typical worker pay per order minute, in cents
 * @param holidayPremium pay multiplier on statutory holidays (1.0 = no premium)
 * @param uninsuredShare share of completed orders without injury cover
 * @param payoutDay day of week (1 = Monday) of weekly payouts, or 0 for monthly payouts on the 10th
 * @param depositShare share of workers charged a deposit on their first day
 * @param fineShare share of worker-days with a fine
 */
public record PlatformProfile(
        String code,
        Kind kind,
        int payPerMinuteCents,
        double holidayPremium,
        double uninsuredShare,
        int payoutDay,
        double depositShare,
        double fineShare) {

    /** The three businesses of the 职业伤害保障 pilot. */
    public enum Kind {
        DELIVERY(12, 45),
        RIDE_HAILING(10, 60),
        FREIGHT(30, 120);

        final int minMinutes;
        final int maxMinutes;

        Kind(int minMinutes, int maxMinutes) {
            this.minMinutes = minMinutes;
            this.maxMinutes = maxMinutes;
        }
    }

    /** The platforms of the generated city: compliant ones and ones with known bad habits. */
    public static final PlatformProfile[] CITY = {
        new PlatformProfile("91500000MA60DLV01X", Kind.DELIVERY, 48, 1.5, 0.0, 1, 0.0, 0.02),
        new PlatformProfile("91500000MA60DLV02Y", Kind.DELIVERY, 44, 1.0, 0.01, 3, 0.0, 0.05),
        new PlatformProfile("91500000MA60RID03Z", Kind.RIDE_HAILING, 60, 1.2, 0.0, 1, 0.0, 0.01),
        new PlatformProfile("91500000MA60RID04W", Kind.RIDE_HAILING, 52, 1.0, 0.002, 0, 0.0, 0.02),
        new PlatformProfile("91500000MA60FRT05V", Kind.FREIGHT, 40, 1.3, 0.0, 5, 0.02, 0.01),
    };
}
