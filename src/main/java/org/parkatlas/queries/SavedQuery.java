package org.parkatlas.queries;

import java.time.Instant;

/** One saved query: whose it is, its name, the layer it asks and the CQL2 text filter (null for everything). */
public record SavedQuery(String id, String owner, String name, String collection, String filter, Instant savedAt) {
}
