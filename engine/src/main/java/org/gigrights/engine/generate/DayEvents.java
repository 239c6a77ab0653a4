package org.gigrights.engine.generate;

/** One worker-day of generated events in parallel arrays, reused from day to day. */
final class DayEvents {
    static final int ORDER_ACCEPT = 0;
    static final int ORDER_COMPLETE = 1;
    static final int ORDER_CANCEL = 2;
    static final int ONLINE = 3;
    static final int OFFLINE = 4;
    static final int INCOME = 5;
    static final int DEDUCTION = 6;
    static final int PAYOUT = 7;
    static final String[] NAMES = {
        "ORDER_ACCEPT", "ORDER_COMPLETE", "ORDER_CANCEL", "ONLINE", "OFFLINE", "INCOME", "DEDUCTION", "PAYOUT"
    };

    private final long[] time;
    private final int[] type;
    private final int[] order;
    private final long[] amount;
    private final String[] region;
    private final int[] insured;
    private final String[] reason;
    private final int[] perm;
    private int size;

    DayEvents(int capacity) {
        time = new long[capacity];
        type = new int[capacity];
        order = new int[capacity];
        amount = new long[capacity];
        region = new String[capacity];
        insured = new int[capacity];
        reason = new String[capacity];
        perm = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size >= time.length - 8;
    }

    void add(long epochSecond, int t, int orderNo, long cents, String reg, int ins, String why) {
        time[size] = epochSecond;
        type[size] = t;
        order[size] = orderNo;
        amount[size] = cents;
        region[size] = reg;
        insured[size] = ins;
        reason[size] = why;
        perm[size] = size;
        size++;
    }

    /** Sorts by time, keeping insertion order at equal times (an accept before its complete). */
    void sort() {
        for (int i = 1; i < size; i++) {
            int p = perm[i];
            int j = i - 1;
            while (j >= 0 && (time[perm[j]] > time[p])) {
                perm[j + 1] = perm[j];
                j--;
            }
            perm[j + 1] = p;
        }
    }

    long epochSecond(int i) {
        return time[perm[i]];
    }

    int type(int i) {
        return type[perm[i]];
    }

    int order(int i) {
        return order[perm[i]];
    }

    long amount(int i) {
        return amount[perm[i]];
    }

    String region(int i) {
        return region[perm[i]];
    }

    int insured(int i) {
        return insured[perm[i]];
    }

    String reason(int i) {
        return reason[perm[i]];
    }
}
