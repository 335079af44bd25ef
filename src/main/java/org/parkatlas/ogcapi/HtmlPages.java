package org.parkatlas.ogcapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * The OGC API as pages for a person in a browser, as pygeoapi and ldproxy serve them: a GET of {@code /ogcapi/…}
 * that asks for HTML ({@code f=html}, or an {@code Accept} that names {@code text/html} before any JSON, as browsers
 * send) gets {@code ogcapi.html}, which reads the same resource as JSON and shows it — links, collections, a table of
 * features with a map. Clients that ask for JSON, or for anything ({@code *}{@code /*}), get JSON as before.
 */
@Component
class HtmlPages extends OncePerRequestFilter {

    static final String PAGE = "/ogcapi.html";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !(path.equals(OgcApi.ROOT) || path.startsWith(OgcApi.ROOT + "/"))
                || path.equals(OgcApi.ROOT + "/api");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (wantsHtml(request)) {
            response.setHeader("Vary", "Accept");
            request.getRequestDispatcher(PAGE).forward(request, response);
            return;
        }
        response.addHeader("Vary", "Accept");
        chain.doFilter(request, response);
    }

    /** {@code f=html}, or a browser's Accept: HTML named explicitly, and ranked above any JSON it also names. */
    static boolean wantsHtml(HttpServletRequest request) {
        // read from the raw query string: asking Tomcat for a parameter here would parse them all, and a query it
        // cannot decode (?x=%80) must reach the API's own handler to be answered as a problem
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("f=")) {
                    return pair.equals("f=html");
                }
            }
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return false; // an Accept that cannot be read is answered as before, with JSON or a 406
        }
        types = new java.util.ArrayList<>(types);
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable: ties keep their order
        for (MediaType type : types) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardSubtype()) {
                return true;
            }
            if (type.getSubtype().contains("json")) {
                return false;
            }
        }
        return false;
    }
}
