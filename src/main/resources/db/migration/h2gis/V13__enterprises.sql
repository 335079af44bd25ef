-- Firms on the park's land and their yearly figures (org.parkatlas.efficiency, 亩均效益评价): two catalogue layers
-- without geometries (geom stays NULL), linked to parcels by parcel_codes and to each other by enterprise_code.

CREATE TABLE enterprises (
    id              VARCHAR(64) PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 1,
    geom            GEOMETRY(GEOMETRY, 4546),
    code            VARCHAR NOT NULL,
    name            VARCHAR NOT NULL,
    name_en         VARCHAR,
    credit_code     VARCHAR,
    industry_chain  VARCHAR,
    scale           VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,
    parcel_codes    VARCHAR,
    project_code    VARCHAR,
    production_date DATE
);
CREATE INDEX enterprises_code_idx ON enterprises (code);

CREATE TABLE enterprise_figures (
    id              VARCHAR(64) PRIMARY KEY,
    version         BIGINT NOT NULL DEFAULT 1,
    geom            GEOMETRY(GEOMETRY, 4546),
    enterprise_code VARCHAR NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    tax_wan         DOUBLE PRECISION,
    sales_wan       DOUBLE PRECISION,
    value_added_wan DOUBLE PRECISION,
    energy_tce      DOUBLE PRECISION,
    rd_wan          DOUBLE PRECISION,
    employees       INTEGER,
    emissions_t     DOUBLE PRECISION
);
CREATE INDEX enterprise_figures_code_idx ON enterprise_figures (enterprise_code, fiscal_year);
