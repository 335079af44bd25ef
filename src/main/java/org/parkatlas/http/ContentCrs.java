package org.parkatlas.http;

import org.parkatlas.catalog.Label;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.springframework.http.HttpStatus;
import org.parkatlas.problem.ProblemType;

import java.util.Map;

/**
 * The {@code Content-Crs} header of a request body (OGC API Features Part 2), read the same way by every adapter:
 * CRS84 when absent, else one of the supported CRSs by URI ({@code <uri>} or bare); any other is a 400.
 */
public final class ContentCrs {

    private ContentCrs() {
    }

    public static Crs parse(String header) {
        if (header == null || header.isBlank()) {
            return Crs.CRS84;
        }
        String supported = String.join(", ", CrsRegistry.supported().stream().map(Crs::uri).toList());
        String shown = header.length() > 120 ? header.substring(0, 120) + "…" : header;
        return CrsRegistry.find(header).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                ProblemType.INVALID_REQUEST, Label.of("不支持的坐标参考系", "Unsupported CRS"), Label.of(
                "Content-Crs " + shown + " 不是 ParkAtlas 支持的坐标参考系；可用：" + supported,
                "Content-Crs " + shown + " is not a CRS ParkAtlas supports; use one of " + supported),
                Map.of("header", Http.CONTENT_CRS)));
    }
}
