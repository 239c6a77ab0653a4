package org.gigrights.server.cases.internal;

import org.gigrights.server.cases.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The SMS channel's stand-in ({@code gigrights.cases.sms=log}): writes what would be sent to the log. */
@Component
@ConditionalOnProperty(name = "gigrights.cases.sms", havingValue = "log")
class LogSmsChannel implements NotificationChannel {
    private static final Logger log = LoggerFactory.getLogger(LogSmsChannel.class);

    @Override
    public void send(Long caseId, String recipient, String message) {
        log.info("SMS to {} (case {}): {}", recipient, caseId, message);
    }
}
