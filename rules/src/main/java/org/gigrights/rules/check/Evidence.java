package org.gigrights.rules.check;

import java.util.Arrays;
import org.gigrights.rules.model.EventIds;

/**
 * A finding's evidence as the indices of one worker's events, turned into ids only once, sorted
 * and without repeats.
 *
 * <p>Rules name tens of events per finding; collecting indices instead of id strings lets a runtime
 * sort and write the ids from where it keeps them (the fast engine: the bytes the parser read).
 */
public final class Evidence {
    private final WorkerEvents events;
    private int[] index = new int[16];
    private int size;

    public Evidence(WorkerEvents events) {
        this.events = events;
    }

    /** Adds event i; an event added twice is evidence once. */
    public void add(int i) {
        if (size == index.length) {
            index = Arrays.copyOf(index, size * 2);
        }
        index[size++] = i;
    }

    public int size() {
        return size;
    }

    /** The events' ids in {@link String#compareTo} order, each once. */
    public EventIds ids() {
        sort(0, size, new int[size]);
        EventIds.Builder b = new EventIds.Builder(size);
        for (int k = 0; k < size; k++) {
            if (k == 0 || events.compareIds(index[k - 1], index[k]) != 0) {
                events.eventIdTo(index[k], b);
            }
        }
        return b.build();
    }

    /** A merge sort by id: stable, and few comparisons, each of which may read two ids. */
    private void sort(int from, int to, int[] tmp) {
        if (to - from <= 12) {
            for (int i = from + 1; i < to; i++) {
                int x = index[i];
                int j = i - 1;
                while (j >= from && events.compareIds(index[j], x) > 0) {
                    index[j + 1] = index[j];
                    j--;
                }
                index[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(from, mid, tmp);
        sort(mid, to, tmp);
        if (events.compareIds(index[mid - 1], index[mid]) <= 0) {
            return;
        }
        System.arraycopy(index, from, tmp, from, mid - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            index[k++] = events.compareIds(tmp[i], index[j]) <= 0 ? tmp[i++] : index[j++];
        }
        while (i < mid) {
            index[k++] = tmp[i++];
        }
    }
}
