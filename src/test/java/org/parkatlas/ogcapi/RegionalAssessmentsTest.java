package org.parkatlas.ogcapi;

/** The list of regional assessments on the embedded H2GIS store. */
class RegionalAssessmentsTest extends RegionalAssessmentsContract {
}
