-- The regional assessments (区域评估) done for a parcel: a list of codes, kept as the JSON array text GeoJSON carries,
-- so that both stores and a GeoPackage hold it the same way.
ALTER TABLE parcels ADD COLUMN regional_assessments VARCHAR COLLATE "C";
