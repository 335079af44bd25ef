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
  const grid = L.vectorGrid.protobuf(collection.tilesUrl, {
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

/** The drawn features of a grid (each once, though it may lie on several tiles), as GeoJSON-shaped features. */
export function gridFeatures(grid) {
  const seen = new Map();
  for (const tile of Object.values(grid._vectorTiles || {})) {
    for (const [id, data] of Object.entries(tile._features || {})) {
      if (!seen.has(id)) seen.set(id, asFeature(data.feature.properties));
    }
  }
  return [...seen.values()];
}
