-- One table per layer of the catalogue (org.parkatlas.catalog.ParkLayerModel); a test keeps the two in step.
-- Geometries are stored in EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E) so areas and distances are metres.
-- version is incremented on every write: it is the ETag and the optimistic lock.

CREATE TABLE park_boundary (
    id          VARCHAR(64) PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 1,
    geom        GEOMETRY(GEOMETRY, 4546) NOT NULL,
    name        VARCHAR NOT NULL,
    name_en     VARCHAR,
    admin_code  VARCHAR,
    area_m2     DOUBLE PRECISION,
    area_mu     DOUBLE PRECISION
);
CREATE SPATIAL INDEX park_boundary_geom_idx ON park_boundary (geom);

CREATE TABLE corridors (
    id          VARCHAR(64) PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 1,
    geom        GEOMETRY(GEOMETRY, 4546) NOT NULL,
    code        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    name_en     VARCHAR,
    kind        VARCHAR NOT NULL,
    width_m     DOUBLE PRECISION,
    description VARCHAR,
    area_m2     DOUBLE PRECISION,
    area_mu     DOUBLE PRECISION
);
CREATE SPATIAL INDEX corridors_geom_idx ON corridors (geom);

CREATE TABLE axes (
    id          VARCHAR(64) PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 1,
    geom        GEOMETRY(GEOMETRY, 4546) NOT NULL,
    code        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    name_en     VARCHAR,
    road_name   VARCHAR,
    description VARCHAR
);
CREATE SPATIAL INDEX axes_geom_idx ON axes (geom);

CREATE TABLE zones (
    id          VARCHAR(64) PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 1,
    geom        GEOMETRY(GEOMETRY, 4546) NOT NULL,
    code        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    name_en     VARCHAR,
    function    VARCHAR,
    area_m2     DOUBLE PRECISION,
    area_mu     DOUBLE PRECISION
);
CREATE SPATIAL INDEX zones_geom_idx ON zones (geom);

CREATE TABLE industrial_parks (
    id               VARCHAR(64) PRIMARY KEY,
    version          BIGINT NOT NULL DEFAULT 1,
    geom             GEOMETRY(GEOMETRY, 4546) NOT NULL,
    code             VARCHAR NOT NULL,
    name             VARCHAR NOT NULL,
    name_en          VARCHAR,
    industry         VARCHAR NOT NULL,
    zone             VARCHAR,
    target_output_yi DOUBLE PRECISION,
    area_m2          DOUBLE PRECISION,
    area_mu          DOUBLE PRECISION
);
CREATE SPATIAL INDEX industrial_parks_geom_idx ON industrial_parks (geom);

CREATE TABLE parcels (
    id                        VARCHAR(64) PRIMARY KEY,
    version                   BIGINT NOT NULL DEFAULT 1,
    geom                      GEOMETRY(GEOMETRY, 4546) NOT NULL,
    code                      VARCHAR NOT NULL,
    land_use                  VARCHAR NOT NULL,
    status                    VARCHAR NOT NULL,
    zone                      VARCHAR,
    industrial_park           VARCHAR,
    standard_land             BOOLEAN,
    area_m2                   DOUBLE PRECISION,
    area_mu                   DOUBLE PRECISION,
    min_investment_wan_per_mu DOUBLE PRECISION,
    min_output_wan_per_mu     DOUBLE PRECISION,
    min_tax_wan_per_mu        DOUBLE PRECISION,
    min_far                   DOUBLE PRECISION,
    max_far                   DOUBLE PRECISION,
    max_building_density      DOUBLE PRECISION,
    max_green_ratio           DOUBLE PRECISION,
    max_admin_ratio           DOUBLE PRECISION,
    max_energy_tce_per_wan    DOUBLE PRECISION,
    leveling                  VARCHAR NOT NULL,
    leveling_date             DATE
);
CREATE SPATIAL INDEX parcels_geom_idx ON parcels (geom);
CREATE INDEX parcels_code_idx ON parcels (code);
CREATE INDEX parcels_status_idx ON parcels (status);
CREATE INDEX parcels_zone_idx ON parcels (zone);
CREATE INDEX parcels_industrial_park_idx ON parcels (industrial_park);
CREATE INDEX parcels_area_mu_idx ON parcels (area_mu);

CREATE TABLE roads (
    id               VARCHAR(64) PRIMARY KEY,
    version          BIGINT NOT NULL DEFAULT 1,
    geom             GEOMETRY(GEOMETRY, 4546) NOT NULL,
    name             VARCHAR NOT NULL,
    name_en          VARCHAR,
    grade            VARCHAR,
    status           VARCHAR NOT NULL,
    completion_date  DATE,
    red_line_width_m DOUBLE PRECISION NOT NULL,
    phase            VARCHAR,
    gateway          BOOLEAN
);
CREATE SPATIAL INDEX roads_geom_idx ON roads (geom);
CREATE INDEX roads_status_idx ON roads (status);
CREATE INDEX roads_name_idx ON roads (name);

CREATE TABLE utility_lines (
    id              VARCHAR(64) PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 1,
    geom            GEOMETRY(GEOMETRY, 4546) NOT NULL,
    name            VARCHAR NOT NULL,
    utility         VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,
    completion_date DATE,
    spec            VARCHAR
);
CREATE SPATIAL INDEX utility_lines_geom_idx ON utility_lines (geom);
CREATE INDEX utility_lines_utility_idx ON utility_lines (utility);
CREATE INDEX utility_lines_status_idx ON utility_lines (status);

CREATE TABLE facilities (
    id              VARCHAR(64) PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 1,
    geom            GEOMETRY(GEOMETRY, 4546) NOT NULL,
    name            VARCHAR NOT NULL,
    name_en         VARCHAR,
    kind            VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,
    completion_date DATE,
    capacity        DOUBLE PRECISION,
    capacity_unit   VARCHAR
);
CREATE SPATIAL INDEX facilities_geom_idx ON facilities (geom);
CREATE INDEX facilities_kind_idx ON facilities (kind);

CREATE TABLE factory_buildings (
    id               VARCHAR(64) PRIMARY KEY,
    version          BIGINT NOT NULL DEFAULT 1,
    geom             GEOMETRY(GEOMETRY, 4546) NOT NULL,
    code             VARCHAR NOT NULL,
    name             VARCHAR,
    parcel_code      VARCHAR,
    floors           INTEGER,
    building_area_m2 DOUBLE PRECISION,
    height_m         DOUBLE PRECISION,
    status           VARCHAR NOT NULL,
    completion_date  DATE,
    area_m2          DOUBLE PRECISION,
    area_mu          DOUBLE PRECISION
);
CREATE SPATIAL INDEX factory_buildings_geom_idx ON factory_buildings (geom);
CREATE INDEX factory_buildings_parcel_code_idx ON factory_buildings (parcel_code);
