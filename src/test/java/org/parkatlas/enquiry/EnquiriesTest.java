package org.parkatlas.enquiry;

/** Enquiries on the embedded H2GIS store. */
class EnquiriesTest extends EnquiriesContract {
}
