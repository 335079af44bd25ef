package org.parkatlas.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Images may come from the configured basemaps' hosts and nowhere else. */
class ContentSecurityPolicyTest {

    @Test
    void everyBasemapHostAndItsSubdomainsMayServeImages() {
        String policy = ContentSecurityPolicy.of(List.of(
                "https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc",
                "https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}",
                "https://tiles.example:8443/{z}/{x}/{y}.png"));
        assertThat(policy).contains("img-src 'self' data: blob: https://*.tianditu.gov.cn https://*.is.autonavi.com "
                + "https://tiles.example:8443;");
        assertThat(ContentSecurityPolicy.of(List.of())).contains("img-src 'self' data: blob:;");
    }
}
