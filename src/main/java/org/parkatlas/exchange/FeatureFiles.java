package org.parkatlas.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file formats a download can be written in besides GeoJSON and CSV, each a whole implementation: GeoPackage,
 * zipped Shapefile, FlatGeobuf and DXF. The door the OGC API's download endpoint goes through.
 */
public final class FeatureFiles {

    /** A file format, by the extension the download's path ends in. */
    public enum Format {
        GPKG("gpkg", "application/geopackage+sqlite3"),
        SHAPEFILE("shp.zip", "application/zip"),
        FLATGEOBUF("fgb", "application/flatgeobuf"),
        DXF("dxf", "image/vnd.dxf");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** DXF is always in EPSG:4546 metres, the coordinates CAD draws the park in. */
        public boolean fixedToProjectedCrs() {
            return this == DXF;
        }
    }

    private FeatureFiles() {
    }

    public static Optional<Format> byExtension(String extension) {
        return Arrays.stream(Format.values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    /**
     * Writes a download.
     *
     * @param charset the Shapefile's text encoding (UTF-8 or GBK); ignored by the other formats
     */
    public static void write(Format format, FileExport export, Charset charset, OutputStream out) throws IOException {
        if (!export.layer().spatial()) {
            throw new org.parkatlas.problem.InvalidInputException("", org.parkatlas.catalog.Label.of(export.layer().id()
                    + " 是没有几何的名录图层：请下载 GeoJSON 或 CSV", export.layer().id() + " is a catalogue without "
                    + "geometries: download it as GeoJSON or CSV"));
        }
        switch (format) {
            case SHAPEFILE -> ShapefileExport.write(export, charset, out);
            case FLATGEOBUF -> FlatGeobufExport.write(export, out);
            case DXF -> DxfExport.write(export, out);
            case GPKG -> {
                Path folder = Files.createTempDirectory("parkatlas-download");
                Path file = folder.resolve(export.layer().id() + ".gpkg");
                try {
                    GeoPackageExporter.write(export, file);
                    Files.copy(file, out);
                } finally {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(folder);
                }
            }
        }
    }
}
