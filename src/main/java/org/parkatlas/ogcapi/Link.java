package org.parkatlas.ogcapi;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A web link as OGC API responses carry them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Link(String href, String rel, String type, String title) {
}
