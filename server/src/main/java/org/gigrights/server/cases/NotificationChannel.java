package org.gigrights.server.cases;

/**
 * A way to tell someone a case needs their action. In-app is always on; SMS is a channel to plug in.
 * Recipients are {@code user:NAME}, {@code role:ROLE}, {@code platform:CODE} or {@code worker:PLATFORM/WORKER}.
 */
public interface NotificationChannel {
    void send(Long caseId, String recipient, String message);
}
