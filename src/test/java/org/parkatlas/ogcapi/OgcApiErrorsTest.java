package org.parkatlas.ogcapi;

/** The OGC API error contract on the embedded H2GIS store. */
class OgcApiErrorsTest extends OgcApiErrorsContract {
}
