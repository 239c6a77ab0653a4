/** Loading events, running the rules per worker, and diffing the findings against the stored ones. */
package org.gigrights.server.findings.internal;
