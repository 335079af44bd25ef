/**
 * Investors' enquiries (我要咨询): what a sender asks about which parcels, checked ({@link
 * org.parkatlas.enquiry.EnquiryForm}), slowed down when it comes too often ({@link
 * org.parkatlas.enquiry.EnquiryThrottle}), kept ({@link org.parkatlas.enquiry.Enquiries}) and followed up by the
 * investment bureau ({@link org.parkatlas.enquiry.EnquiryDesk}). Anyone may send one; only admins read them. The HTTP
 * door and the table live in {@code internal}.
 */
package org.parkatlas.enquiry;
