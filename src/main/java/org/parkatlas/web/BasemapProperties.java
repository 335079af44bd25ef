package org.parkatlas.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map's optional basemap.
 *
 * @param url         an XYZ tile URL template ({z}/{x}/{y}), e.g. an intranet or Tianditu server; empty for none —
 *                    the map reads well on its plain background
 * @param attribution the credit line the tile provider asks for
 */
@ConfigurationProperties("parkatlas.basemap")
public record BasemapProperties(String url, String attribution) {

    public BasemapProperties {
        url = url == null || url.isBlank() ? null : url.trim();
        attribution = attribution == null ? "" : attribution;
    }
}
