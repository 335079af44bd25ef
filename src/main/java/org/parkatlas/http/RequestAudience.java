package org.parkatlas.http;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Audience;

/**
 * Who a request is for: the park's staff when it is signed in (by session or HTTP Basic; every account is staff),
 * the public otherwise. Spring Security does not show its anonymous token as a principal.
 */
public final class RequestAudience {

    private RequestAudience() {
    }

    public static Audience of(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? Audience.PUBLIC : Audience.STAFF;
    }
}
