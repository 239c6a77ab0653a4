package org.gigrights.server.shared;

/** The roles of the service. */
public enum Role {
    /** 系统管理员 */
    ADMIN,
    /** 人社监察 */
    INSPECTOR,
    /** 工会调解 */
    MEDIATOR,
    /** 平台企业 */
    PLATFORM,
    /** 劳动者 */
    WORKER
}
