/**
 * The HTTP edge kit every adapter uses: one vocabulary of parameter and header names ({@link org.parkatlas.http.Http}),
 * one parser each for {@code If-Match} ({@link org.parkatlas.http.ETags}, unusable = 412), {@code as_of}
 * ({@link org.parkatlas.http.AsOf}), {@code Content-Crs} ({@link org.parkatlas.http.ContentCrs}) and JSON bodies
 * ({@link org.parkatlas.http.JsonBody}), the request's language ({@link org.parkatlas.http.RequestLanguage}), and the
 * one writer of problem+json ({@link org.parkatlas.http.ProblemWriter}) used by Spring MVC ({@code ProblemHandler}),
 * Spring Security and the container's {@code /error} page ({@code ErrorPageController}).
 */
package org.parkatlas.http;
