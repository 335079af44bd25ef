/**
 * The HTTP edge kit every adapter uses: one vocabulary of parameter and header names ({@link org.parkatlas.http.Http}),
 * one parser per header with one behaviour ({@link org.parkatlas.http.ETags} for {@code If-Match}), and the
 * request's language ({@link org.parkatlas.http.RequestLanguage}).
 */
package org.parkatlas.http;
