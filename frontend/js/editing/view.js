// Where the editor draws and how it keeps things in sight: its own pane above the data layers, read-only overlay
// layers (conflicts, the other planner's version, history outlines), and framing that keeps a parcel clear of the
// editing card and the side panel (its vertex handles under the card could not be dragged).

const L = window.L;
const $ = (id) => document.getElementById(id);

// Above the data layers and the readiness trace, below tooltips and popups.
export const EDIT_PANE = { name: 'pa-pane-edit', zIndex: 480 };

export function ensurePane(map) {
  if (!map.getPane(EDIT_PANE.name)) {
    const pane = map.createPane(EDIT_PANE.name);
    pane.style.zIndex = String(EDIT_PANE.zIndex);
    pane.classList.add('pa-pane');
  }
}

/** A GeoJSON layer in the edit pane that nothing can click, edit or snap to; paths get `className`. */
export function overlay(map, className, style) {
  ensurePane(map);
  return L.geoJSON(null, {
    pane: EDIT_PANE.name,
    interactive: false,
    pmIgnore: true,
    snapIgnore: true,
    style: () => ({ className, interactive: false, ...style }),
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 7, pmIgnore: true, snapIgnore: true }),
  }).addTo(map);
}

function panelOpen() {
  const panel = $('pa-panel');
  return panel && !document.body.classList.contains('pa-panel-collapsed') && panel.offsetParent ? panel : null;
}

/** Brings layers into the part of the map not hidden by the editor card and the side panel. */
export function frame(map, layers) {
  let bounds = null;
  for (const l of layers) {
    const b = l && l.getBounds && l.getBounds();
    if (b && b.isValid()) bounds = bounds ? bounds.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
  }
  if (!bounds) return;
  const card = $('pa-editor').getBoundingClientRect();
  const mapBox = map.getContainer().getBoundingClientRect();
  const left = Math.max(0, card.right - mapBox.left) + 16;
  const panel = panelOpen();
  const right = panel && card.width < mapBox.width * 0.9 ? mapBox.right - panel.getBoundingClientRect().left + 16 : 16;
  const narrow = card.width >= mapBox.width * 0.9; // phone: the card sits on top
  const opts = narrow
    ? { paddingTopLeft: [16, card.bottom - mapBox.top + 16], paddingBottomRight: [16, 16] }
    : { paddingTopLeft: [left, 16], paddingBottomRight: [right, 16] };
  map.fitBounds(bounds, { ...opts, maxZoom: Math.max(map.getZoom(), 16), animate: false });
}

/** Pans (and if need be zooms out) so that the layer lies clear of the editor card and the side panel. */
export function keepClear(map, layer) {
  const b = layer && layer.getBounds && layer.getBounds();
  if (!b || !b.isValid()) return;
  const mapBox = map.getContainer().getBoundingClientRect();
  const card = $('pa-editor').getBoundingClientRect();
  const size = map.getSize();
  const margin = 24;
  // The free part of the map, in container pixels.
  let left = margin;
  let top = margin;
  let right = size.x - margin;
  const bottom = size.y - margin;
  const narrow = card.width >= mapBox.width * 0.9; // phone: the card sits on top
  if (card.width) {
    if (narrow) top = Math.max(top, card.bottom - mapBox.top + margin);
    else left = Math.max(left, card.right - mapBox.left + margin);
  }
  const panel = panelOpen();
  if (panel && !narrow) {
    const p = panel.getBoundingClientRect();
    if (p.left > mapBox.left + size.x / 2) right = Math.min(right, p.left - mapBox.left - margin);
  }
  if (right - left < 120 || bottom - top < 120) return; // too little room to be clever
  const nw = map.latLngToContainerPoint(b.getNorthWest());
  const se = map.latLngToContainerPoint(b.getSouthEast());
  if (se.x - nw.x > right - left || se.y - nw.y > bottom - top) {
    map.fitBounds(b, { paddingTopLeft: [left, top], paddingBottomRight: [size.x - right, size.y - bottom], maxZoom: map.getZoom(), animate: false });
    return;
  }
  const dx = nw.x < left ? nw.x - left : se.x > right ? se.x - right : 0;
  const dy = nw.y < top ? nw.y - top : se.y > bottom ? se.y - bottom : 0;
  if (dx || dy) map.panBy([dx, dy], { animate: false });
}
