package org.gigrights.engine.output;

import java.util.Map;

/** Names of the rules for people, in Chinese and English, and which way is worse. */
record RuleInfo(String zh, String en, boolean higherIsWorse) {
    static final Map<String, RuleInfo> ALL = Map.of(
            "REST_BREAK", new RuleInfo("连续工作超4小时未休息", "No break after 4 h of continuous work", true),
            "MIN_WAGE", new RuleInfo("时薪低于最低工资", "Hourly pay below the minimum wage", false),
            "HOLIDAY_PAY", new RuleInfo("法定节假日报酬未高于正常", "Holiday pay not above normal pay", false),
            "INJURY_COVER", new RuleInfo("订单未参加职业伤害保障", "Orders without injury cover", true),
            "DEPOSIT", new RuleInfo("收取押金", "Deposit taken", true),
            "PAY_DELAY", new RuleInfo("报酬未按时支付", "Pay not on time", true),
            "DAILY_HOURS", new RuleInfo("每日工作时间过长", "Long working day", true));

    static RuleInfo of(String code) {
        return ALL.getOrDefault(code, new RuleInfo(code, code, true));
    }
}
