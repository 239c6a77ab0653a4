package org.gigrights.server.findings;

import java.util.List;
import java.util.UUID;

/**
 * Published by {@link Recomputation} once the findings of some workers of a platform were recomputed
 * (after the batch's transactions committed); the cases' triggers listen to it.
 *
 * @param workers the workers recomputed
 * @param batch the batch that caused it
 */
public record FindingsRecomputed(String platform, List<String> workers, UUID batch) {}
