/** The inspector dashboard (监管驾驶舱): totals, findings by rule, platform, district and day. */
package org.gigrights.server.dashboard;
