/** Reading the data standard's CSV and JSON Lines files into validated, deduplicated events. */
package org.gigrights.engine.ingest;
