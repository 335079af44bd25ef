-- What an investor reads on a parcel's sheet (its reference price) and what only the bureau's staff may read (who
-- bought or leases it, the bureau's own notes). Which is which is the catalogue's to say, not the table's.
ALTER TABLE parcels ADD COLUMN reference_price_wan_per_mu DOUBLE PRECISION;
ALTER TABLE parcels ADD COLUMN buyer VARCHAR;
ALTER TABLE parcels ADD COLUMN notes VARCHAR;
ALTER TABLE factory_buildings ADD COLUMN tenant VARCHAR;
