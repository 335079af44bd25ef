package org.parkatlas.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where ParkAtlas keeps its features.
 *
 * @param store   {@code h2gis} (the embedded default, no database server needed) or {@code postgis}
 * @param dataDir the folder of the embedded database, {@code ./data} unless set
 */
@ConfigurationProperties("parkatlas")
public record StoreProperties(String store, Path dataDir) {

    public StoreProperties {
        store = store == null || store.isBlank() ? "h2gis" : store.trim().toLowerCase();
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }
}
