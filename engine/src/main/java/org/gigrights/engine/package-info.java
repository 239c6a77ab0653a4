/** Runs the rules over work-event files: reading, validating, deduplicating and evaluating. */
package org.gigrights.engine;
