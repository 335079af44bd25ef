-- Investors' enquiries (我要咨询) from the finder and the parcel sheets: who asks, for how much land, about which
-- parcels, and where the investment bureau has got with them. Read by admins only; the sender's address is not kept.
CREATE TABLE enquiries (
    id            VARCHAR(36) PRIMARY KEY,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    name          VARCHAR(200) NOT NULL,
    organisation  VARCHAR(200),
    contact       VARCHAR(200) NOT NULL,
    industry      VARCHAR(200),
    land_need_mu  DOUBLE PRECISION,
    message       VARCHAR(4000),
    parcels       VARCHAR(2000) NOT NULL,
    language      VARCHAR(8) NOT NULL,
    status        VARCHAR(20) NOT NULL,
    status_by     VARCHAR(64),
    status_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX enquiries_received ON enquiries (received_at);
