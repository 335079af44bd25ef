-- PostGIS in the database, when the database does not have it yet (the postgis/postgis image has it already).
CREATE EXTENSION IF NOT EXISTS postgis;
