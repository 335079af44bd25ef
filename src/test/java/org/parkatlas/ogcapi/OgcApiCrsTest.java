package org.parkatlas.ogcapi;

/** The CRS contract on the embedded H2GIS store. */
class OgcApiCrsTest extends OgcApiCrsContract {
}
