/** Working time in event time: orders as intervals, their union, and local calendar days. */
package org.gigrights.rules.time;
