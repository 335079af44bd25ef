package org.parkatlas.ogcapi;

/** What real GIS clients rely on, on the embedded H2GIS store. */
class RealClientsTest extends RealClientsContract {
}
