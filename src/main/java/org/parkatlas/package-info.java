/**
 * ParkAtlas, the spatial planning service for industrial parks such as Ganting (甘亭新型工业园区). Each sub-package is a
 * module with one door: {@code catalog} (the layer model) → {@code feature} and {@code store} (features, queries, the
 * two databases) → {@code editing} (the one write path) → the domain modules ({@code parcel} 标准地, {@code network}
 * 管网, {@code readiness} 七通一平) → the adapters ({@code ogcapi}, {@code exchange}, {@code web}, {@code account},
 * through the {@code http} kit, with {@code problem} and {@code geojson} shared by all). A request's way in is its
 * path's module: {@code /ogcapi/…} → {@code ogcapi}, {@code /api/parcels/…} → {@code parcel.internal},
 * {@code /api/collections/…/import} and {@code /api/export/…} → {@code exchange}, {@code /api/readiness/…} and
 * {@code /api/map/…} → {@code web}. The boundaries are checked by {@code ArchitectureTest}.
 */
package org.parkatlas;
