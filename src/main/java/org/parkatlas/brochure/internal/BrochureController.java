package org.parkatlas.brochure.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parkatlas.brochure.Brochures;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.AsOf;
import org.parkatlas.http.RequestAudience;
import org.parkatlas.http.RequestLanguage;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/parcels/{id}/brochure.pdf?lang=zh-CN|en} (the id or the code) and
 * {@code GET /api/parcels/brochure.pdf?ids=a,b,c} for two to four parcels side by side.
 */
@RestController
class BrochureController {

    private final Brochures brochures;

    BrochureController(Brochures brochures) {
        this.brochures = brochures;
    }

    @GetMapping("/api/parcels/{id}/brochure.pdf")
    void parcel(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] pdf = brochures.parcel(id, RequestLanguage.of(request), base(), context(request)).orElseThrow(() ->
                ApiException.notFound(Label.of("没有编号或代码为“" + id + "”的地块", "there is no parcel with the id or "
                        + "code \"" + id + "\"")));
        send(response, pdf, "parcel-" + safe(id) + ".pdf");
    }

    @GetMapping("/api/parcels/brochure.pdf")
    void comparison(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String given = request.getParameter("ids");
        List<String> ids = given == null ? List.of() : Arrays.stream(given.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.size() < 2 || ids.size() > 4) {
            throw ApiException.badParameter("ids", Label.of("请给 2–4 个地块的编号或代码，用逗号分隔（ids=a,b）",
                    "give 2 to 4 parcel ids or codes, separated by commas (ids=a,b)"));
        }
        Language language = RequestLanguage.of(request);
        byte[] pdf = brochures.comparison(ids, language, base(), context(request)).orElseThrow(() ->
                ApiException.notFound(Label.of("所给的地块中有不存在的：" + String.join("、", ids),
                        "one of the parcels given does not exist: " + String.join(", ", ids))));
        send(response, pdf, "parcels-compared.pdf");
    }

    private static ReadContext context(HttpServletRequest request) {
        return new ReadContext(AsOf.parse(request.getParameter("as_of")), RequestAudience.of(request));
    }

    /** The service's own address as the client reached it (through a trusted proxy, its public address). */
    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static void send(HttpServletResponse response, byte[] pdf, String filename) throws IOException {
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
