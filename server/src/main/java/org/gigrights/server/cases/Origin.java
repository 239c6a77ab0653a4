package org.gigrights.server.cases;

/** Where a case came from. */
public enum Origin {
    /** 劳动者投诉 (mobile page) */
    WORKER,
    /** 监察员手工立案 */
    INSPECTOR,
    /** 由发现与预警自动立案 (a configured trigger) */
    AUTO
}
