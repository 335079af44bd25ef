-- The H2GIS spatial functions (ST_GeomFromWKB, ST_Intersects, ST_Extent ...) registered in the database once.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();
