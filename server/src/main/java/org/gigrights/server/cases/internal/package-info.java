/** Case storage, commands, triggers, escalation, notifications and statistics (SQL). */
package org.gigrights.server.cases.internal;
