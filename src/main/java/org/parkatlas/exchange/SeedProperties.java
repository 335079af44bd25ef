package org.parkatlas.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Seeding an empty store on first start.
 *
 * @param enabled  whether an empty store is seeded
 * @param location a folder holding {@code <layer id>.geojson} files (CRS84), e.g. {@code classpath:geodata/} (the
 *                 Ganting sample shipped in the jar) or {@code file:/srv/park/layers/} for a park's own data
 */
@ConfigurationProperties("parkatlas.seed")
record SeedProperties(Boolean enabled, String location) {

    public SeedProperties {
        enabled = enabled == null || enabled;
        location = location == null || location.isBlank() ? "classpath:geodata/" : location;
        if (!location.endsWith("/")) {
            location = location + "/";
        }
    }
}
