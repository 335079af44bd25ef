// One Leaflet GeoJSON layer per catalog collection: creation, loading, visibility,
// hover/selection feedback and relabelling on language change.

import { loadItems, getJson } from './config.js';
import { buildPopup, featureName, tooltipText } from './popup.js';
import { createStyler, paneFor, baseGeometry, selectedLine, DEFAULT_VISIBLE, LABELLED } from './styles.js';
import { el } from './dom.js';
import { drawnFromTiles, loadVectorGrid, createGrid, restyleGrid, firstZoom } from './tiles.js';

const L = window.L;

// Thin lines (a 2.5 px pipe) are hard to hit with a mouse and nearly impossible with a finger;
// an invisible wide line underneath takes the clicks the visible one misses.
const HIT_WEIGHT = 16;

const POPUP_OPTIONS = {
  maxWidth: 380,
  minWidth: 240,
  maxHeight: 420,
  autoPanPadding: [24, 24],
  className: 'pa-leaflet-popup',
};

/**
 * Keeps a popup smaller than the free part of the map, and auto-panning clear of the floating
 * panel and the readiness time bar (Leaflet only knows the map's own edges), so the whole popup
 * can be brought into view.
 */
function fitPopupToMap(map, popup, coveredRight, coveredBottom) {
  if (!popup) return;
  const size = map.getSize();
  const right = coveredRight ? coveredRight() : 0;
  const bottom = coveredBottom ? coveredBottom() : 0;
  popup.options.autoPanPaddingTopLeft = [24, 24];
  popup.options.autoPanPaddingBottomRight = [right + 24, bottom + 24];
  const maxWidth = Math.max(180, Math.min(POPUP_OPTIONS.maxWidth, size.x - right - 70));
  popup.options.maxWidth = maxWidth;
  popup.options.minWidth = Math.min(POPUP_OPTIONS.minWidth, maxWidth);
  popup.options.maxHeight = Math.max(160, Math.min(POPUP_OPTIONS.maxHeight, size.y - bottom - 110));
}

function highlightStyle(base, geometry, selected) {
  const w = base.weight || 1;
  if (geometry === 'Point') return { radius: (base.radius || 7) + (selected ? 4 : 2), weight: w + 1 };
  if (geometry === 'LineString') return { weight: w + (selected ? 4 : 2), opacity: 1 };
  return selected
    ? { weight: w + 2.5, color: selectedLine(), opacity: 1 }
    : { weight: w + 1.5, opacity: 1, fillOpacity: Math.min(1, (base.fillOpacity || 0.2) + 0.12) };
}

/**
 * Owns the map's data layers. `layers` maps collection id → L.GeoJSON and is exposed to
 * tests as window.parkatlas.layers; `entries` carries loading state for the layer panel.
 *
 * Another module can change how one collection looks and reads through `decorate(id, decorator)`
 * (the readiness view does this to parcels). A decorator may have any of:
 *   style(feature, baseStyle) → style     recolour (hover and selection build on the result)
 *   element(layer)                        touch the drawn path, e.g. set data-* attributes
 *   tooltip(feature, text) → text         extend the hover text
 *   popup(root, feature, layer)           add to the popup DOM (runs on every popup.update())
 */
export class LayerManager {
  constructor(map, catalog, { onChange, coveredRight, coveredBottom } = {}) {
    this.map = map;
    this.catalog = catalog;
    this.onChange = onChange || (() => {});
    // Width in px of UI floating over the map's right edge (the layer panel), for popup placement.
    this.coveredRight = coveredRight || (() => 0);
    // Height in px of UI floating over the map's bottom edge (the readiness time bar).
    this.coveredBottom = coveredBottom || (() => 0);
    this.layers = {};
    this.entries = new Map();
    this.selected = null;

    // Panel order follows drawing order, top-most first, as in desktop GIS: what you see on top is listed first.
    this.ordered = [...catalog.collections].sort((a, b) => paneFor(b).zIndex - paneFor(a).zIndex);

    for (const collection of catalog.collections) this._create(collection);
  }

  _create(collection) {
    const map = this.map;
    const id = collection.id;
    const pane = paneFor(collection);
    if (!map.getPane(pane.name)) {
      const paneEl = map.createPane(pane.name);
      paneEl.style.zIndex = String(pane.zIndex);
      paneEl.classList.add('pa-pane');
      paneEl.dataset.collection = id;
    }
    const geometry = baseGeometry(collection.geometryType);
    const baseStyle = createStyler(collection);
    const hitGroup = geometry === 'LineString' ? L.layerGroup() : null;
    // Leaflet keeps this one function for resetStyle, so a decorator added later must be looked
    // up at call time rather than baked in.
    const style = (feature) => {
      const s = baseStyle(feature);
      const d = entry.decorator;
      if (!d || !d.style) return s;
      // Feature classes (pa-parcel, pa-status-…) are fixed when the path is created; keep them.
      return { ...d.style(feature, s), className: s.className };
    };

    const entry = {
      collection,
      geometry,
      style,
      decorator: null,
      hitGroup,
      count: 0,
      loaded: false,
      loading: null,
      error: null,
      defaultVisible: DEFAULT_VISIBLE.has(id),
      // A large layer is drawn from vector tiles (tiles.js); its GeoJSON layer then holds only the features
      // clicked or opened, read whole through the API, so popups, selection and decorators work as for any.
      tiled: drawnFromTiles(collection),
      grid: null,
      firstZoom: 0,
      total: collection.featureCount,
    };

    if (entry.tiled) entry.firstZoom = firstZoom(collection, this.catalog.park && this.catalog.park.bbox);

    const geojson = L.geoJSON(null, {
      pane: pane.name,
      style,
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { ...style(feature), pane: pane.name }),
      onEachFeature: (feature, layer) => this._bindFeature(entry, feature, layer),
    });
    entry.geojson = geojson;

    if (hitGroup) {
      // Hit lines follow their layer on and off the map, underneath the visible lines so a
      // click on the visible line itself still lands on it.
      geojson.on('add', () => {
        if (!map.hasLayer(hitGroup)) {
          hitGroup.addTo(map);
          geojson.bringToFront();
        }
      });
      geojson.on('remove', () => map.removeLayer(hitGroup));
    }
    geojson.on('add remove', () => this.onChange(id, entry));

    this.layers[id] = geojson;
    this.entries.set(id, entry);
    // a layer drawn only from some zoom on is taken off the map below it (not through the grid's own minZoom,
    // which Leaflet would make the whole map's), and tells its row whether it is drawn now
    if (entry.firstZoom > 0) {
      map.on('zoomend', () => {
        this._syncGrid(entry);
        this.onChange(id, entry);
      });
    }
  }

  /** A tiled layer's grid on the map when the layer is shown and the zoom is one it is drawn at. */
  _syncGrid(entry) {
    if (!entry.grid) return;
    const wanted = this.map.hasLayer(entry.geojson) && this.map.getZoom() >= entry.firstZoom;
    if (wanted && !this.map.hasLayer(entry.grid)) this.map.addLayer(entry.grid);
    else if (!wanted && this.map.hasLayer(entry.grid)) this.map.removeLayer(entry.grid);
  }

  /** Whether a layer shown is not drawn at the map's zoom (a large tiled layer, zoomed out past its first zoom). */
  tooSmallToDraw(id) {
    const entry = this.entries.get(id);
    return Boolean(entry && entry.firstZoom > 0 && this.map.getZoom() < entry.firstZoom);
  }

  _bindFeature(entry, feature, layer) {
    const { collection } = entry;
    const id = collection.id;
    layer.bindPopup(() => {
      // Sized per opening, not once: the window may have been resized or rotated since binding.
      fitPopupToMap(this.map, layer.getPopup(), this.coveredRight, this.coveredBottom);
      const root = buildPopup(collection, feature);
      if (entry.decorator && entry.decorator.popup) entry.decorator.popup(root, feature, layer);
      return root;
    }, { ...POPUP_OPTIONS });
    // Paths exist only once on the map; a decorator marking them must wait for that.
    layer.on('add', () => {
      if (entry.decorator && entry.decorator.element) entry.decorator.element(layer);
    });

    if (LABELLED.has(id) && featureName(feature)) {
      // Large planning areas carry their name on the map; people orient by them.
      // Leaflet reads a tooltip string as HTML: names go in as text nodes, so a name holding markup stays text.
      layer.bindTooltip(() => el('span', null, featureName(feature) || ''), {
        permanent: true,
        direction: 'center',
        className: `pa-label pa-label-${id}`,
        interactive: false,
      });
    } else {
      layer.bindTooltip(() => this._tooltip(entry, feature), {
        sticky: true,
        direction: 'top',
        offset: [0, -8],
        className: 'pa-hover',
        opacity: 0.95,
      });
    }

    // The selected feature stays emphasised while its popup is open, so it is clear which one is described.
    layer.on('popupopen', () => this._select(layer, entry));
    layer.on('popupclose', () => {
      if (this.selected && this.selected.layer === layer) this._select(null);
    });
    layer.on('mouseover', () => this._hover(entry, layer, true));
    layer.on('mouseout', () => this._hover(entry, layer, false));

    if (entry.hitGroup && typeof layer.getLatLngs === 'function') {
      const hit = L.polyline(layer.getLatLngs(), {
        pane: entry.geojson.options.pane,
        opacity: 0, // invisible: only its width matters
        weight: HIT_WEIGHT,
        lineCap: 'round',
        className: `pa-hit pa-hit-${id}`,
        interactive: true,
      });
      hit.on('click', (e) => {
        L.DomEvent.stop(e);
        layer.openPopup(e.latlng);
      });
      hit.on('mouseover', () => this._hover(entry, layer, true));
      hit.on('mouseout', () => this._hover(entry, layer, false));
      hit.bindTooltip(() => this._tooltip(entry, feature), {
        sticky: true,
        direction: 'top',
        offset: [0, -8],
        className: 'pa-hover',
        opacity: 0.95,
      });
      entry.hitGroup.addLayer(hit);
    }
  }

  _tooltip(entry, feature) {
    const text = tooltipText(entry.collection, feature);
    const d = entry.decorator;
    const content = d && d.tooltip ? d.tooltip(feature, text) : text;
    return typeof content === 'string' ? el('span', null, content) : content;
  }

  _hover(entry, layer, on) {
    if (!layer.setStyle) return;
    const base = entry.style(layer.feature);
    if (this.selected && this.selected.layer === layer) {
      layer.setStyle(highlightStyle(base, entry.geometry, true));
      return;
    }
    if (on) {
      layer.setStyle(highlightStyle(base, entry.geometry, false));
      // Bring a hovered parcel above its neighbours so its whole outline shows.
      if (entry.geometry === 'Polygon' && layer.bringToFront) layer.bringToFront();
    } else {
      entry.geojson.resetStyle(layer);
    }
  }

  _select(layer, entry) {
    const previous = this.selected;
    this.selected = null;
    if (previous && previous.layer.setStyle) previous.entry.geojson.resetStyle(previous.layer);
    if (!layer || !entry) return;
    this.selected = { layer, entry };
    if (layer.setStyle) layer.setStyle(highlightStyle(entry.style(layer.feature), entry.geometry, true));
    if (entry.geometry === 'Polygon' && layer.bringToFront) layer.bringToFront();
  }

  isVisible(id) {
    return this.map.hasLayer(this.layers[id]);
  }

  /**
   * How many features a hidden collection has, without fetching them (one feature-less page: numberMatched), so
   * its row can show the count; its features come when it is shown.
   */
  async count(id) {
    const entry = this.entries.get(id);
    if (!entry || entry.loaded || entry.loading || entry.total != null) return;
    const page = await getJson(`/ogcapi/collections/${encodeURIComponent(id)}/items?limit=1&skipGeometry=true`,
      'application/geo+json');
    if (typeof page.numberMatched === 'number') {
      entry.total = page.numberMatched;
      this.onChange(id, entry);
    }
  }

  /** Loads a collection's features once (a tiled one: its renderer); concurrent callers share the same request. */
  load(id) {
    const entry = this.entries.get(id);
    if (!entry) return Promise.reject(new Error(`unknown collection ${id}`));
    if (entry.loaded) return Promise.resolve(entry);
    if (entry.loading) return entry.loading;
    if (entry.tiled) return this._loadGrid(entry);
    const { collection, geojson } = entry;
    const url = collection.itemsUrl || `/ogcapi/collections/${encodeURIComponent(id)}/items`;
    entry.error = null;
    entry.count = 0;
    geojson.clearLayers();
    if (entry.hitGroup) entry.hitGroup.clearLayers();
    this.onChange(id, entry);

    return this._track(entry, loadItems(url, (features) => {
      for (const feature of features) {
        try {
          geojson.addData(feature);
          entry.count += 1;
        } catch (e) {
          // One malformed geometry must not take the whole layer down.
          console.warn(`ParkAtlas: skipped an invalid feature in ${id}`, feature && feature.id, e);
        }
      }
      if (entry.hitGroup && this.map.hasLayer(geojson)) geojson.bringToFront();
      this.onChange(id, entry);
    }));
  }

  /** Follows a layer's loading: loaded (or failed) when `work` settles, the panel told either way. */
  _track(entry, work) {
    const id = entry.collection.id;
    entry.loading = work.then(
      () => {
        entry.loaded = true;
        entry.loading = null;
        this.onChange(id, entry);
        return entry;
      },
      (err) => {
        entry.error = err;
        entry.loading = null;
        this.onChange(id, entry);
        throw err;
      },
    );
    return entry.loading;
  }

  /** Makes a tiled layer's VectorGrid (loading the renderer on first use); its tiles come as the map shows them. */
  _loadGrid(entry) {
    entry.error = null;
    this.onChange(entry.collection.id, entry);
    return this._track(entry, loadVectorGrid().then(() => {
      entry.grid = createGrid(entry.collection, {
        pane: paneFor(entry.collection).name,
        style: entry.style,
        on: {
          click: (feature, latlng, originalEvent) => this._resolveClick(entry, feature, latlng, originalEvent),
          over: (feature, latlng) => this._hoverTile(entry, feature, latlng, true),
          out: (feature) => this._hoverTile(entry, feature, null, false),
        },
      });
      this._syncGrid(entry);
      entry.count = entry.total || 0;
    }));
  }

  /**
   * A click on a tiled feature: the feature is read whole through the API (the tile carries what the map draws,
   * the item everything the popup shows), put on the layer's GeoJSON layer, and clicked there — which opens its
   * popup, or in edit mode selects it, as a click on a GeoJSON-drawn feature would.
   */
  async _resolveClick(entry, tileFeature, latlng, originalEvent) {
    const layer = await this.resolve(entry.collection.id, tileFeature.id);
    if (layer) layer.fire('click', { latlng, originalEvent }, true);
  }

  /**
   * The GeoJSON layer of one feature of a collection: the one drawn, or for a tiled collection the feature read
   * through the API and added. Null when there is no such feature.
   */
  async resolve(id, featureId) {
    const drawn = this.featureLayer(id, featureId);
    if (drawn) return drawn;
    const entry = this.entries.get(id);
    if (!entry || !entry.tiled) return null;
    const feature = await getJson(`/ogcapi/collections/${encodeURIComponent(id)}/items/${encodeURIComponent(
      featureId)}`, 'application/geo+json');
    if (!this.map.hasLayer(entry.geojson)) this.map.addLayer(entry.geojson);
    entry.geojson.addData(feature);
    return this.featureLayer(id, featureId);
  }

  /**
   * A tiled layer's features counted by one attribute's values, for the legend: asked of the server's statistics
   * once per state of the layer (the map holds only the tiles in view). Null until the answer is in.
   */
  countsBy(id, attr) {
    const entry = this.entries.get(id);
    if (!entry) return null;
    entry.counts = entry.counts || {};
    if (entry.counts[attr] !== undefined) return entry.counts[attr];
    entry.counts[attr] = null;
    getJson(`/api/stats/${encodeURIComponent(id)}?group_by=${encodeURIComponent(attr)}`).then((stats) => {
      const counts = {};
      for (const group of stats.groups || []) counts[group.keys[attr]] = group.count;
      entry.counts[attr] = counts;
      this.onChange(id, entry);
    }, (err) => console.warn(`ParkAtlas: counting ${id} by ${attr} failed`, err));
    return null;
  }

  _hoverTile(entry, feature, latlng, on) {
    const grid = entry.grid;
    if (!grid) return;
    if (!on) {
      grid.resetFeatureStyle(feature.id);
      this.map.closeTooltip(entry.hoverTip);
      return;
    }
    grid.setFeatureStyle(feature.id, { ...entry.style(feature), ...highlightStyle(entry.style(feature),
      entry.geometry, false) });
    const text = this._tooltip(entry, feature);
    if (!entry.hoverTip) {
      entry.hoverTip = L.tooltip({ direction: 'top', offset: [0, -8], className: 'pa-hover', opacity: 0.95 });
    }
    entry.hoverTip.setLatLng(latlng).setContent(text);
    this.map.openTooltip(entry.hoverTip);
  }

  /**
   * Drops a collection's features and loads them again (after an edit on the server). The open
   * popup and the selection are closed first, since their layers are about to disappear.
   */
  async reload(id) {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.loading) await entry.loading.catch(() => {});
    if (this.selected && this.selected.entry === entry) {
      this.map.closePopup();
      this._select(null);
    }
    if (entry.tiled) {
      entry.geojson.clearLayers(); // resolved features are read again when clicked
      entry.counts = {};
      if (entry.grid) entry.grid.redraw(); // the tiles' ETags have moved on: the browser fetches them afresh
      return entry;
    }
    entry.loaded = false;
    return this.load(id);
  }

  /** Shows or hides a layer, loading it on first show. */
  setVisible(id, visible) {
    const entry = this.entries.get(id);
    if (!entry) return Promise.resolve();
    if (visible) {
      if (!this.map.hasLayer(entry.geojson)) this.map.addLayer(entry.geojson);
      this._syncGrid(entry);
      return this.load(id);
    }
    if (this.selected && this.selected.entry === entry) this.map.closePopup();
    this.map.removeLayer(entry.geojson);
    if (entry.grid) this.map.removeLayer(entry.grid);
    return Promise.resolve(entry);
  }

  /** Sets (or with null removes) the decorator of a collection and redraws its features. */
  decorate(id, decorator) {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.decorator = decorator || null;
    this.restyle(id);
  }

  /**
   * Re-applies a collection's style (after its decorator's inputs changed) without touching
   * geometry; the selected feature keeps its emphasis. `only` (a Set of feature ids) limits the
   * work to the features that changed, which matters when a slider drives it.
   */
  restyle(id, only = null) {
    const entry = this.entries.get(id);
    if (!entry) return;
    const d = entry.decorator;
    if (entry.grid) restyleGrid(entry.grid, entry.style, only);
    entry.geojson.eachLayer((layer) => {
      if (!layer.setStyle) return;
      if (only && !(layer.feature && only.has(String(layer.feature.id)))) return;
      if (this.selected && this.selected.layer === layer) {
        const base = entry.style(layer.feature);
        layer.setStyle({ ...base, ...highlightStyle(base, entry.geometry, true) });
      } else {
        entry.geojson.resetStyle(layer);
      }
      if (d && d.element && layer.getElement && layer.getElement()) d.element(layer);
    });
    // An open hover tooltip would otherwise keep its old text until the pointer moves.
    entry.geojson.eachLayer((layer) => {
      const tip = layer.getTooltip && layer.getTooltip();
      if (tip && tip.isOpen()) tip.update();
    });
  }

  /** The Leaflet layer drawing one feature of a collection, or null when it is not (yet) drawn. */
  featureLayer(id, featureId) {
    const entry = this.entries.get(id);
    if (!entry) return null;
    let found = null;
    entry.geojson.eachLayer((layer) => {
      if (!found && layer.feature && String(layer.feature.id) === String(featureId)) found = layer;
    });
    return found;
  }

  /** Emphasises one feature as the pointer over it would (a result list row under the pointer), or stops. */
  hover(id, featureId, on) {
    const entry = this.entries.get(id);
    const layer = this.featureLayer(id, featureId);
    if (entry && layer) this._hover(entry, layer, on);
  }

  /**
   * Frames one feature (clear of what covers the map's edges: `padding` = {left, right, top, bottom} in px) and
   * opens its popup, as a click on it would. False when it is not drawn.
   */
  open(id, featureId, padding = {}) {
    const layer = this.featureLayer(id, featureId);
    if (!layer) {
      // a tiled layer's feature is read through the API first (opened a moment later)
      const entry = this.entries.get(id);
      if (!entry || !entry.tiled) return false;
      this.resolve(id, featureId).then((resolved) => resolved && this.open(id, featureId, padding))
        .catch((err) => console.warn(`ParkAtlas: could not open ${id}/${featureId}`, err));
      return true;
    }
    if (layer.getBounds) {
      this.map.fitBounds(layer.getBounds(), {
        paddingTopLeft: [(padding.left || 0) + 24, (padding.top || 0) + 24],
        paddingBottomRight: [(padding.right || 0) + 24, (padding.bottom || 0) + 24],
        maxZoom: 17,
        animate: false,
      });
      layer.openPopup(layer.getBounds().getCenter());
    } else {
      layer.openPopup();
    }
    return true;
  }

  /** The layer whose popup is open, with its collection id, or null. */
  selectedFeature() {
    if (!this.selected) return null;
    const popup = this.selected.layer.getPopup();
    if (!popup || !popup.isOpen()) return null;
    return { id: this.selected.entry.collection.id, layer: this.selected.layer };
  }

  /** Rebuilds the open popup's content (language change, decorator change). */
  refreshPopup() {
    const open = this.selectedFeature();
    if (open) open.layer.getPopup().update();
  }

  /** Re-renders everything that shows text: permanent labels, the open popup. */
  relabel() {
    for (const entry of this.entries.values()) {
      if (!LABELLED.has(entry.collection.id)) continue;
      entry.geojson.eachLayer((layer) => {
        const tip = layer.getTooltip && layer.getTooltip();
        if (tip && tip.isOpen()) tip.update();
      });
    }
    this.refreshPopup();
  }
}
