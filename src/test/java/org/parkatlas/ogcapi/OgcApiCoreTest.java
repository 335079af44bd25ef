package org.parkatlas.ogcapi;

/** The OGC API core contract on the embedded H2GIS store. */
class OgcApiCoreTest extends OgcApiCoreContract {
}
