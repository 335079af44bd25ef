/**
 * Getting park data in and out: GeoJSON reading checked against the catalogue
 * ({@link org.parkatlas.exchange.GeoJsonFeatureReader}), seeding an empty store from {@code geodata/} on first start,
 * and the GeoPackage export for QGIS and GDAL ({@link org.parkatlas.exchange.GeoPackageExporter}).
 */
package org.parkatlas.exchange;
