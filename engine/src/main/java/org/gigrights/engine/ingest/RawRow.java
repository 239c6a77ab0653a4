package org.gigrights.engine.ingest;

import java.util.Map;

/**
 * One data row as read, before validation.
 *
 * @param file the input's name as given
 * @param line the row's first line number
 * @param raw the row's original text
 * @param fields the row's values by lower-case field name; absent fields are missing
 * @param error a structural problem found while reading (bad JSON, wrong field count), or null
 */
public record RawRow(String file, long line, String raw, Map<String, String> fields, Rejection error) {}
