/**
 * Saved queries: an analyst keeps a question — a layer and its CQL2 filter, under a name — to ask it again later,
 * with the data as it then is. Each account reads and removes only its own ({@link org.parkatlas.queries.SavedQuery}).
 * The HTTP door, {@code /api/queries}, and the table live in {@code internal}.
 */
package org.parkatlas.queries;
