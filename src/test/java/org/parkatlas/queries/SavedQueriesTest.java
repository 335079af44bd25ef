package org.parkatlas.queries;

/** Saved queries on the embedded H2GIS store. */
class SavedQueriesTest extends SavedQueriesContract {
}
