package org.parkatlas.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map page and its bundled stylesheet and scripts ({@link MapPageBundle}): revalidated on each visit, so a
 * repeat visit costs a 304 for each, and a change to the page is seen at once.
 */
@RestController
class MapPageController {

    private final MapPageBundle bundle;

    MapPageController(MapPageBundle bundle) {
        this.bundle = bundle;
    }

    @GetMapping({"/", "/index.html"})
    ResponseEntity<String> page(HttpServletRequest request) {
        return answer(bundle.part("/index.html"), request);
    }

    @GetMapping({MapPageBundle.CSS, MapPageBundle.SCRIPT_PREFIX + "**"})
    ResponseEntity<String> file(HttpServletRequest request) {
        return answer(bundle.part(request.getRequestURI()), request);
    }

    private static ResponseEntity<String> answer(MapPageBundle.Part part, HttpServletRequest request) {
        if (part == null) {
            return ResponseEntity.notFound().build();
        }
        CacheControl revalidate = CacheControl.noCache();
        String asked = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (asked != null && asked.contains(part.etag().substring(2))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(part.etag()).cacheControl(revalidate).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(part.contentType())).eTag(part.etag())
                .cacheControl(revalidate).body(part.text());
    }
}
