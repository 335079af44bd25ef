// Large layers drawn from the server's vector tiles (OGC API – Tiles, Mapbox Vector Tile) instead of their GeoJSON.
//
// The renderer is Leaflet.VectorGrid 1.3.0 (vendor/leaflet-vectorgrid, Beerware licence), loaded the first time a
// layer is tiled: it draws tile features as ordinary Leaflet paths, so a tiled layer takes the very style functions
// (and CSS classes, hatching included) its GeoJSON layer uses, with no second style language to keep in step, and it
// weighs 15 KB gzipped. MapLibre GL would draw faster but needs WebGL and its own style specification. VectorGrid
// is used for display and hit-testing only: a click is resolved through the API (the feature read whole, readiness
// and all), and the popup is the GeoJSON layer's own. Each tile is an SVG of its own, so the gaps between parcels
// let clicks through to the zones beneath as they do on a GeoJSON map.

const SCRIPT = '/vendor/leaflet-vectorgrid/Leaflet.VectorGrid.bundled.min.js';

/** Layers with more features than this are drawn from tiles; `?tiles=always` or `?tiles=never` overrides. */
export const TILED_ABOVE = 3000;

/**
 * A tiled layer is drawn from the zoom at which its features lie, on average, at least this many pixels apart:
 * zoomed further out they would be a pixel or two each — megabytes of tiles for a carpet of dots (100 000 parcels
 * at the whole-park view were 1.8 MB) — and the park reads from its zones and industrial parks instead. The layer
 * panel says "zoom in to see".
 */
export const SPACING_PX = 8;

/** The zoom a tiled collection is first drawn at, from its count and the park's extent (CRS84 bbox); 0: always. */
export function firstZoom(collection, bbox) {
  const n = Number(collection.featureCount);
  if (!Array.isArray(bbox) || bbox.length !== 4 || !(n > 0)) return 0;
  const [west, south, east, north] = bbox;
  const cos = Math.cos(((south + north) / 2) * (Math.PI / 180));
  const area = Math.max(1, (east - west) * 111320 * cos) * Math.max(1, (north - south) * 110540);
  // metres between features, on average; a line (a road, a main) crosses several such spacings, so its own are
  // a quarter of that
  const lines = /LineString/.test(collection.geometryType || '');
  const spacing = Math.sqrt(area / n) / (lines ? 4 : 1);
  for (let z = 0; z < 20; z += 1) {
    const metresPerPixel = (156543.034 * cos) / 2 ** z;
    if (spacing / metresPerPixel >= SPACING_PX) return z;
  }
  return 20;
}

let loading = null;

/** How the page was asked to draw layers: 'always', 'never' or 'auto' (by size). */
export function tileMode() {
  const asked = new URLSearchParams(window.location.search).get('tiles');
  return asked === 'always' || asked === 'never' ? asked : 'auto';
}

/** Whether a collection of the map's configuration is drawn from its vector tiles. */
export function drawnFromTiles(collection) {
  if (!collection.tilesUrl) return false;
  const mode = tileMode();
  if (mode !== 'auto') return mode === 'always';
  return Number(collection.featureCount) > TILED_ABOVE;
}

/** Loads VectorGrid once; resolves with L.vectorGrid. */
export function loadVectorGrid() {
  const L = window.L;
  if (L.vectorGrid) return Promise.resolve(L.vectorGrid);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = SCRIPT;
      script.async = false;
      script.onload = () => (L.vectorGrid ? resolve(L.vectorGrid) : reject(new Error('VectorGrid did not start')));
      script.onerror = () => reject(new Error(`could not load ${SCRIPT}`));
      document.head.appendChild(script);
    }).catch((err) => {
      loading = null; // a later show may try again
      throw err;
    });
  }
  return loading;
}

/**
 * What the map reads of a tiled feature before it is clicked: its styles (status, grade, utility, kind), its hover
 * text (name or code, area), and what the pipeline and 亩均 views colour parcels by. A tile with only these is a
 * fraction of one with every attribute (`properties=`, as for items); the id always comes.
 */
const DRAWN = ['name', 'name_en', 'code', 'status', 'grade', 'utility', 'kind', 'area_m2', 'area_mu',
  'pipeline_stage', 'mujun_class', 'idle_kind'];

/** The tile URL template of a collection with only the properties it has of those the map draws by. */
export function drawnTilesUrl(collection) {
  const has = new Set([...(collection.attributes || []), ...(collection.derivedAttributes || [])].map((a) => a.name));
  const drawn = DRAWN.filter((name) => has.has(name));
  return `${collection.tilesUrl}?properties=${drawn.join(',')}`;
}

/** A tile feature's properties as the GeoJSON-shaped feature the style functions and decorators read. */
export function asFeature(properties) {
  return { type: 'Feature', id: properties.id, properties };
}

/**
 * A VectorGrid layer of one collection's tiles. `style(feature)` is the collection's style function;
 * `on.click(feature, latlng)`, `on.over(feature, latlng)`, `on.out(feature)` receive tile features.
 */
export function createGrid(collection, { pane, style, on }) {
  const L = window.L;
  const grid = L.vectorGrid.protobuf(drawnTilesUrl(collection), {
    pane,
    rendererFactory: L.svg.tile,
    interactive: true,
    maxNativeZoom: 20,
    // one style function for the collection's tile layer (the tile's layer is named by the collection id)
    vectorTileLayerStyles: { [collection.id]: (properties) => style(asFeature(properties)) },
    getFeatureId: (f) => f.properties.id,
    // staff see their attributes in tiles as in items: send the session cookie
    fetchOptions: { credentials: 'same-origin' },
  });
  grid.on('click', (e) => {
    if (e.originalEvent) L.DomEvent.stop(e.originalEvent);
    on.click(asFeature(e.layer.properties), e.latlng, e.originalEvent);
  });
  grid.on('mouseover', (e) => on.over(asFeature(e.layer.properties), e.latlng));
  grid.on('mouseout', (e) => on.out(asFeature(e.layer.properties)));
  return grid;
}

/**
 * Draws again the features of the tiles on the map with `style(feature)` — those whose id is in `only`, or all —
 * without fetching anything. VectorGrid's own setFeatureStyle would pin the style for tiles loaded later, which
 * must keep following the style function; so each drawn feature is restyled where it is (its internal
 * _updateStyles, the one setFeatureStyle calls).
 */
export function restyleGrid(grid, style, only = null) {
  const tiles = grid._vectorTiles || {};
  for (const tile of Object.values(tiles)) {
    for (const [id, data] of Object.entries(tile._features || {})) {
      if (only && !only.has(String(id))) continue;
      grid._updateStyles(data.feature, tile, style(asFeature(data.feature.properties)));
    }
  }
}
