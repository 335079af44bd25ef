package org.parkatlas.ogcapi;

/** The CQL2 filter contract on the embedded H2GIS store. */
class OgcApiFilterTest extends OgcApiFilterContract {
}
