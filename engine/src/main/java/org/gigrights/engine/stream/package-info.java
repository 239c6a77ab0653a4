/** The streaming audit of time-ordered input: per-worker state, judged one local date at a time. */
package org.gigrights.engine.stream;
