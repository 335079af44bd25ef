/**
 * PDF brochures of parcels (and of a comparison) for an investor to keep, print and pass on: A4, the sheet's
 * figures, indicators and checklist, the readiness tier, the parcel drawn on a map from the park's own geometries
 * (vector, no tiles), a QR code to the permalink and the day it was made, in zh-CN or English. Laid out from XHTML by
 * openhtmltopdf on PDFBox ({@link org.parkatlas.brochure.Brochures}); Chinese in LXGW WenKai, a TrueType font that
 * ships in the jar and is embedded as a subset. {@code internal} holds the HTTP door.
 */
package org.parkatlas.brochure;
