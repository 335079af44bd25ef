-- The park's write lock: one row that every write locks for the length of its transaction (FeatureStore.lockForWrite).
-- A parcel's rules read other parcels, roads, the boundary and the corridors; writers that took turns without it
-- could each pass the rules against a park the other was changing (eight parcels drawn on one spot at once would all
-- be stored). writes counts the writes, which makes the lock an ordinary row update in both databases.
CREATE TABLE park_write_lock (
    id     INTEGER PRIMARY KEY,
    writes BIGINT NOT NULL
);
INSERT INTO park_write_lock (id, writes) VALUES (1, 0);
