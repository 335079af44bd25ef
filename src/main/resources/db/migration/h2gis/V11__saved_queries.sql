-- An analyst's saved queries: a name, the layer and the CQL2 filter, kept per account; each reads only their own.
CREATE TABLE saved_queries (
    id          VARCHAR(36) PRIMARY KEY,
    owner       VARCHAR(64) NOT NULL,
    name        VARCHAR(80) NOT NULL,
    collection  VARCHAR(64) NOT NULL,
    filter      VARCHAR(8000),
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX saved_queries_owner ON saved_queries (owner, saved_at);
