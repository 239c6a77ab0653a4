package org.gigrights.engine.fast;

import org.gigrights.rules.model.WorkEvent;

/**
 * A row that took the slow path (quotes, spaces, unusual forms, JSON Lines): its canonical event,
 * where it was, and its text.
 */
record SideRow(WorkEvent event, int file, int line, String raw) {}
