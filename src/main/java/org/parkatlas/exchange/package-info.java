/**
 * Getting park data in and out: GeoJSON and GeoPackage files read against the catalogue
 * ({@link org.parkatlas.exchange.GeoJsonFeatureReader}, {@code GeoPackageFeatureReader}), imported through the one
 * write path (the API {@code POST /api/collections/{id}/import} and the {@code import} command, both via
 * {@code FeatureImporter}), seeding an empty store from {@code geodata/} on first start ({@code GeodataSeeder}, also
 * through the write path), and the GeoPackage export with derived attributes for QGIS and GDAL
 * ({@code GeoPackageExporter}, {@code /api/export/parkatlas.gpkg}).
 */
package org.parkatlas.exchange;
