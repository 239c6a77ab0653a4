package org.gigrights.server.reporting;

/** How a batch arrived. */
public enum Source {
    API,
    UPLOAD,
    SEED
}
