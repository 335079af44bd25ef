// What the pointer snaps to while drawing or editing: neighbouring parcels, roads, and the roads' red-line
// outlines (built on the client by redlines.js from the roads' GeoJSON, as the server's check draws them). Nothing
// else is a snap target, and only parcels are editable.

import { redLineOutlines, redLineStyle } from '../redlines.js';

const L = window.L;

export const COLLECTION = 'parcels';
export const SNAP = { snappable: true, snapDistance: 15 };
const SNAP_TARGETS = new Set(['parcels', 'roads']);

/** Marks every data layer as a snap target or not (and all but parcels as not editable) for edit mode. */
export function configureSnapping(manager) {
  for (const [id, group] of Object.entries(manager.layers)) {
    const snap = SNAP_TARGETS.has(id);
    group.eachLayer((layer) => {
      layer.options.snapIgnore = !snap;
      if (id !== COLLECTION) layer.options.pmIgnore = true;
    });
    const entry = manager.entries.get(id);
    if (entry && entry.hitGroup) {
      entry.hitGroup.eachLayer((l) => {
        l.options.snapIgnore = true;
        l.options.pmIgnore = true;
      });
    }
  }
}

/** The red-line outlines: one L.Polyline per piece (Geoman snaps to polylines on the map, not to groups). */
export class RedLines {
  constructor(map, manager) {
    this.map = map;
    this.manager = manager;
    this.group = L.featureGroup();
    this._builtFrom = null; // the roads the outlines were built from
  }

  /** Builds them from the roads (loading those if never shown) and puts them on the map, unless `stillWanted()` is false by then. */
  async show(stillWanted = () => true) {
    try {
      await this.manager.load('roads');
    } catch (err) {
      console.warn('ParkAtlas: roads not available, no red lines to snap to', err);
      return;
    }
    if (!stillWanted()) return;
    const features = [];
    this.manager.layers.roads.eachLayer((l) => l.feature && features.push(l.feature));
    const key = features.length + ':' + features.map((f) => f.id).join(',');
    if (this._builtFrom !== key) {
      this.group.clearLayers();
      const style = redLineStyle();
      for (const piece of redLineOutlines(features)) {
        const line = L.polyline(piece.latlngs, { ...style });
        line.feature = { type: 'Feature', id: piece.road, properties: { road: piece.road } };
        this.group.addLayer(line);
      }
      this._builtFrom = key;
    }
    if (!this.map.hasLayer(this.group)) this.group.addTo(this.map);
    this.group.eachLayer((l) => {
      const path = l.getElement && l.getElement();
      if (path) path.dataset.road = l.feature.id;
    });
  }

  hide() {
    this.map.removeLayer(this.group);
  }
}
