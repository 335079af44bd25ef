package org.parkatlas.ogcapi;

/** The transactions contract on the embedded H2GIS store. */
class TransactionsTest extends TransactionsContract {
}
