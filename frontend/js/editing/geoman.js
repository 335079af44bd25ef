// Leaflet-Geoman (vendor/leaflet-geoman, free edition, MIT) for drawing and vertex editing, loaded on demand: only a
// signed-in planner or admin downloads it. Its stylesheet goes right after Leaflet's, where index.html used to link
// it, so the page's own styles still win over it.
//
// Geoman gives layers their `pm` handler when they are created; the map and the data layers already exist when it
// arrives, so they are given theirs afterwards (L.PM.reInitLayer, the library's own way of doing that).

const SCRIPT = '/vendor/leaflet-geoman/leaflet-geoman.js';
const STYLES = '/vendor/leaflet-geoman/leaflet-geoman.css';

let loading = null;

function addStyles() {
  if (document.querySelector(`link[href="${STYLES}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLES;
  const leafletCss = document.querySelector('link[href$="/leaflet/dist/leaflet.css"]');
  const ours = document.querySelector('link[rel="stylesheet"][href^="/css/"]');
  if (leafletCss) leafletCss.after(link);
  else if (ours) ours.before(link);
  else document.head.appendChild(link);
}

function addScript() {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SCRIPT;
    script.async = false;
    script.onload = () => (window.L && window.L.PM ? resolve(window.L.PM) : reject(new Error('Leaflet-Geoman did not start')));
    script.onerror = () => reject(new Error(`could not load ${SCRIPT}`));
    document.head.appendChild(script);
  });
}

/** Loads Geoman's stylesheet and script once; resolves with L.PM. */
export function loadGeoman() {
  if (window.L && window.L.PM) return Promise.resolve(window.L.PM);
  if (!loading) {
    addStyles();
    loading = addScript().catch((err) => {
      loading = null;
      throw err;
    });
  }
  return loading;
}

/** Gives the map and every layer that existed before Geoman loaded their `pm` handler. */
export function adoptExisting(map, manager) {
  const PM = window.L.PM;
  if (!map.pm) {
    PM.reInitLayer(map);
    map.pm.setGlobalOptions({});
  }
  for (const [id, group] of Object.entries(manager.layers)) {
    PM.reInitLayer(group);
    const entry = manager.entries.get(id);
    if (entry && entry.hitGroup) PM.reInitLayer(entry.hitGroup);
  }
}

/** The layer's `pm` handler, creating it if the layer predates Geoman. */
export function pmOf(layer) {
  if (layer && !layer.pm && window.L && window.L.PM) window.L.PM.reInitLayer(layer);
  return layer ? layer.pm : null;
}
