package org.gigrights.rules.model;

/** How serious a finding is. */
public enum Severity {
    /** A breach of a binding rule. */
    VIOLATION,
    /** Above a recommended limit or platform practice; worth a look, not a breach by itself. */
    WARNING
}
