/** Findings: recomputed from the stored events with the unchanged rules core, with their history. */
package org.gigrights.server.findings;
