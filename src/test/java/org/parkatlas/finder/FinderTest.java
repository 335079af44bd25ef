package org.parkatlas.finder;

/** The finder on the embedded H2GIS store. */
class FinderTest extends FinderContract {
}
