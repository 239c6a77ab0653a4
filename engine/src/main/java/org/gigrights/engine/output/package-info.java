/** The files an audit writes: findings as CSV and JSON Lines, the summary, the rejects and a report. */
package org.gigrights.engine.output;
