package org.gigrights.server.reporting;

/** Hears how far a batch has got: reading is measured by the caller; storing and recomputing are told here. */
public interface Progress {
    /** Hears nothing. */
    Progress NONE = new Progress() {};

    /** The batch is read and validated; its events are being stored. */
    default void storing() {}

    /** Findings recomputed for {@code done} of {@code total} workers. */
    default void recomputing(int done, int total) {}
}
