/**
 * The fast engine: parses CSV bytes straight into columns, deduplicates and groups them without
 * per-event objects, and runs the same rules over per-worker column views on every core.
 */
package org.gigrights.engine.fast;
