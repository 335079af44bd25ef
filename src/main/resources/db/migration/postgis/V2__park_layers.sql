-- PostGIS twin of db/migration/h2gis/V2__park_layers.sql: one table per layer of the catalogue
-- (org.parkatlas.catalog.ParkLayerModel); a test keeps the three in step.
-- Text columns use the "C" collation so they compare and sort exactly as in H2 (byte order), which keeps
-- pages identical across the two stores.
-- Geometries are stored in EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E) so areas and distances are metres.
-- version is incremented on every write: it is the ETag and the optimistic lock.

CREATE TABLE park_boundary (
    id          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 1,
    geom        geometry(Geometry, 4546) NOT NULL,
    name        VARCHAR COLLATE "C" NOT NULL,
    name_en     VARCHAR COLLATE "C",
    admin_code  VARCHAR COLLATE "C",
    area_m2     DOUBLE PRECISION,
    area_mu     DOUBLE PRECISION
);
CREATE INDEX park_boundary_geom_idx ON park_boundary USING GIST (geom);

CREATE TABLE corridors (
    id          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 1,
    geom        geometry(Geometry, 4546) NOT NULL,
    code        VARCHAR COLLATE "C" NOT NULL,
    name        VARCHAR COLLATE "C" NOT NULL,
    name_en     VARCHAR COLLATE "C",
    kind        VARCHAR COLLATE "C" NOT NULL,
    width_m     DOUBLE PRECISION,
    description VARCHAR COLLATE "C",
    area_m2     DOUBLE PRECISION,
    area_mu     DOUBLE PRECISION
);
CREATE INDEX corridors_geom_idx ON corridors USING GIST (geom);

CREATE TABLE axes (
    id          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 1,
    geom        geometry(Geometry, 4546) NOT NULL,
    code        VARCHAR COLLATE "C" NOT NULL,
    name        VARCHAR COLLATE "C" NOT NULL,
    name_en     VARCHAR COLLATE "C",
    road_name   VARCHAR COLLATE "C",
    description VARCHAR COLLATE "C"
);
CREATE INDEX axes_geom_idx ON axes USING GIST (geom);

CREATE TABLE zones (
    id          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 1,
    geom        geometry(Geometry, 4546) NOT NULL,
    code        VARCHAR COLLATE "C" NOT NULL,
    name        VARCHAR COLLATE "C" NOT NULL,
    name_en     VARCHAR COLLATE "C",
    function    VARCHAR COLLATE "C",
    area_m2     DOUBLE PRECISION,
    area_mu     DOUBLE PRECISION
);
CREATE INDEX zones_geom_idx ON zones USING GIST (geom);

CREATE TABLE industrial_parks (
    id               VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version          BIGINT NOT NULL DEFAULT 1,
    geom             geometry(Geometry, 4546) NOT NULL,
    code             VARCHAR COLLATE "C" NOT NULL,
    name             VARCHAR COLLATE "C" NOT NULL,
    name_en          VARCHAR COLLATE "C",
    industry         VARCHAR COLLATE "C" NOT NULL,
    zone             VARCHAR COLLATE "C",
    target_output_yi DOUBLE PRECISION,
    area_m2          DOUBLE PRECISION,
    area_mu          DOUBLE PRECISION
);
CREATE INDEX industrial_parks_geom_idx ON industrial_parks USING GIST (geom);

CREATE TABLE parcels (
    id                        VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version                   BIGINT NOT NULL DEFAULT 1,
    geom                      geometry(Geometry, 4546) NOT NULL,
    code                      VARCHAR COLLATE "C" NOT NULL,
    land_use                  VARCHAR COLLATE "C" NOT NULL,
    status                    VARCHAR COLLATE "C" NOT NULL,
    zone                      VARCHAR COLLATE "C",
    industrial_park           VARCHAR COLLATE "C",
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
    leveling                  VARCHAR COLLATE "C" NOT NULL,
    leveling_date             DATE
);
CREATE INDEX parcels_geom_idx ON parcels USING GIST (geom);
CREATE INDEX parcels_code_idx ON parcels (code);
CREATE INDEX parcels_status_idx ON parcels (status);
CREATE INDEX parcels_zone_idx ON parcels (zone);
CREATE INDEX parcels_industrial_park_idx ON parcels (industrial_park);
CREATE INDEX parcels_area_mu_idx ON parcels (area_mu);

CREATE TABLE roads (
    id               VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version          BIGINT NOT NULL DEFAULT 1,
    geom             geometry(Geometry, 4546) NOT NULL,
    name             VARCHAR COLLATE "C" NOT NULL,
    name_en          VARCHAR COLLATE "C",
    grade            VARCHAR COLLATE "C",
    status           VARCHAR COLLATE "C" NOT NULL,
    completion_date  DATE,
    red_line_width_m DOUBLE PRECISION NOT NULL,
    phase            VARCHAR COLLATE "C",
    gateway          BOOLEAN
);
CREATE INDEX roads_geom_idx ON roads USING GIST (geom);
CREATE INDEX roads_status_idx ON roads (status);
CREATE INDEX roads_name_idx ON roads (name);

CREATE TABLE utility_lines (
    id              VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 1,
    geom            geometry(Geometry, 4546) NOT NULL,
    name            VARCHAR COLLATE "C" NOT NULL,
    utility         VARCHAR COLLATE "C" NOT NULL,
    status          VARCHAR COLLATE "C" NOT NULL,
    completion_date DATE,
    spec            VARCHAR COLLATE "C"
);
CREATE INDEX utility_lines_geom_idx ON utility_lines USING GIST (geom);
CREATE INDEX utility_lines_utility_idx ON utility_lines (utility);
CREATE INDEX utility_lines_status_idx ON utility_lines (status);

CREATE TABLE facilities (
    id              VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 1,
    geom            geometry(Geometry, 4546) NOT NULL,
    name            VARCHAR COLLATE "C" NOT NULL,
    name_en         VARCHAR COLLATE "C",
    kind            VARCHAR COLLATE "C" NOT NULL,
    status          VARCHAR COLLATE "C" NOT NULL,
    completion_date DATE,
    capacity        DOUBLE PRECISION,
    capacity_unit   VARCHAR COLLATE "C"
);
CREATE INDEX facilities_geom_idx ON facilities USING GIST (geom);
CREATE INDEX facilities_kind_idx ON facilities (kind);

CREATE TABLE factory_buildings (
    id               VARCHAR(64) COLLATE "C" PRIMARY KEY,
    version          BIGINT NOT NULL DEFAULT 1,
    geom             geometry(Geometry, 4546) NOT NULL,
    code             VARCHAR COLLATE "C" NOT NULL,
    name             VARCHAR COLLATE "C",
    parcel_code      VARCHAR COLLATE "C",
    floors           INTEGER,
    building_area_m2 DOUBLE PRECISION,
    height_m         DOUBLE PRECISION,
    status           VARCHAR COLLATE "C" NOT NULL,
    completion_date  DATE,
    area_m2          DOUBLE PRECISION,
    area_mu          DOUBLE PRECISION
);
CREATE INDEX factory_buildings_geom_idx ON factory_buildings USING GIST (geom);
CREATE INDEX factory_buildings_parcel_code_idx ON factory_buildings (parcel_code);
