package org.parkatlas.reliability;

/** The bad-input corpus on the embedded H2GIS store. */
class BadInputCorpusTest extends BadInputCorpusContract {
}
