package org.parkatlas.ogcapi;

/** Internal attributes on the embedded H2GIS store. */
class InternalAttributesTest extends InternalAttributesContract {
}
