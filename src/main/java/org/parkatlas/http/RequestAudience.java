package org.parkatlas.http;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Audience;

/**
 * Who a request is for: the public when it is not signed in (Spring Security does not show its anonymous token as a
 * principal); the investment bureau when it is signed in with the {@code investment} or {@code admin} role (by
 * session or HTTP Basic); the park's staff for every other account.
 */
public final class RequestAudience {

    private RequestAudience() {
    }

    public static Audience of(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return Audience.PUBLIC;
        }
        return request.isUserInRole("INVESTMENT") || request.isUserInRole("ADMIN") ? Audience.INVESTMENT
                : Audience.STAFF;
    }
}
