package org.parkatlas.exchange;

import org.parkatlas.catalog.Audience;
import org.parkatlas.feature.LayerChanged;
import org.parkatlas.store.DataVersion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * The whole-park GeoPackage as one file per state of the data, per audience and per day (its readiness columns are
 * as of the day it is made): built on the first request after a change, then served as a file, so GDAL and QGIS can
 * read it in place over HTTP ({@code /vsicurl/}, by ranges) and a client that has it gets a 304. The file before is
 * kept one generation, for a download that started just before the data changed.
 */
@Component
class GeoPackageFiles {

    /** One built file: the data version and day it holds, and since when that data has been as it is. */
    record Built(long version, LocalDate day, Audience audience, Path file, Instant lastModified) {

        String etag() {
            return "\"gpkg-" + version + "-" + day + "-" + audience.name().toLowerCase() + "\"";
        }
    }

    private final GeoPackageExporter exporter;
    private final Clock clock;
    private final DataVersion version;
    private volatile Instant changedAt;
    private final Map<Audience, Built> current = new EnumMap<>(Audience.class);
    private final Map<Audience, Built> previous = new EnumMap<>(Audience.class);

    GeoPackageFiles(GeoPackageExporter exporter, DataVersion version, Clock clock) {
        this.exporter = exporter;
        this.version = version;
        this.clock = clock;
        this.changedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @EventListener
    void on(LayerChanged change) {
        changedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The file for {@code audience} as the data is now, built if it is not yet. */
    synchronized Built forNow(Audience audience) throws IOException {
        long now = version.current();
        LocalDate today = LocalDate.now(clock);
        Built built = current.get(audience);
        if (built != null && built.version() == now && built.day().equals(today) && Files.exists(built.file())) {
            return built;
        }
        Path folder = Files.createTempDirectory("parkatlas-gpkg");
        Path file = folder.resolve("parkatlas.gpkg");
        try {
            exporter.export(file, audience);
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
        Instant modified = changedAt.isAfter(today.atStartOfDay(clock.getZone()).toInstant()) ? changedAt
                : today.atStartOfDay(clock.getZone()).toInstant();
        Built fresh = new Built(now, today, audience, file, modified);
        Built gone = previous.put(audience, built);
        if (gone != null) {
            delete(gone.file());
        }
        current.put(audience, fresh);
        return fresh;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling("parkatlas.gpkg-journal"));
            Files.deleteIfExists(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove an old GeoPackage " + file, e);
        }
    }
}
