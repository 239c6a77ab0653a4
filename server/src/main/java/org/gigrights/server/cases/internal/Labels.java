package org.gigrights.server.cases.internal;

import org.gigrights.server.cases.Stage;

/** Plain Chinese stage names for notifications (pages use {@code messages*.properties}). */
final class Labels {
    private Labels() {}

    static String stage(Stage s) {
        return switch (s) {
            case INTAKE -> "待受理";
            case ACCEPTED -> "已受理，请平台在期限内答复";
            case REJECTED -> "不予受理";
            case ASSIGNED -> "已分派调解员";
            case MEDIATION -> "调解开始";
            case AGREEMENT -> "已达成调解协议";
            case NO_AGREEMENT -> "调解未达成协议，可申请仲裁";
            case ARBITRATION -> "已转劳动争议仲裁";
            case INSPECTION -> "已转劳动保障监察";
            case DISPOSED -> "已处置完毕，请评价处理结果";
            case EVALUATED -> "劳动者已评价，可以结案";
            case CLOSED -> "已结案";
            case WITHDRAWN -> "劳动者已撤回";
        };
    }
}
