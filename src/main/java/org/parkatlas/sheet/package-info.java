/**
 * A parcel's sheet: everything an investor reads about one parcel in one place — the parcel with its zone and park
 * by name, its standard-land indicators with what each binds the buyer to ({@link org.parkatlas.sheet.Indicator}),
 * the factory buildings on it, the nearest gateway and plants, and the investment bureau to ask
 * ({@link org.parkatlas.sheet.InvestmentBureau}). {@link org.parkatlas.sheet.Sheets} puts it together through the one
 * read path; the page at {@code /parcels/{code}} and {@code /api/parcels/{id}/sheet} live in {@code internal}.
 */
package org.parkatlas.sheet;
