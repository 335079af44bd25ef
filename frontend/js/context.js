// What lies around the park (GET /api/map/context): the river, the town, the national road and the expressway with
// its exit, the airport. Drawn under every layer of the park, named in the page's language, never clickable, so a
// newcomer sees where the park is without it competing with the park's own layers. Illustrative in the sample.

import { getLang, onLangChange, t } from './i18n.js';
import { getJson } from './config.js';
import { el, htmlText } from './dom.js';

const L = window.L;
const PANE = { name: 'pa-pane-context', zIndex: 250 }; // above a basemap (200), below the park (400+)

function colour(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function style(feature) {
  const kind = feature.properties && feature.properties.kind;
  const water = colour('--pa-map-context-water', '#9CC3E4');
  const ink = colour('--pa-map-context-line', '#A08C6E');
  switch (kind) {
    case 'river': return { color: water, weight: 1, fillColor: water, fillOpacity: 0.8 };
    case 'town': return { color: ink, weight: 1, dashArray: '4 3', fillColor: colour('--pa-map-context-town', '#E9DFCF'), fillOpacity: 0.6 };
    case 'airport': return { color: ink, weight: 1, dashArray: '4 3', fillColor: colour('--pa-map-context-airport', '#E4E4EA'), fillOpacity: 0.6 };
    case 'runway': return { color: colour('--pa-map-context-runway', '#8E8E99'), weight: 6, opacity: 0.8 };
    case 'expressway': return { color: colour('--pa-map-context-expressway', '#D9A441'), weight: 5, opacity: 0.85 };
    case 'national_road': return { color: colour('--pa-map-context-road', '#C9B27C'), weight: 4, opacity: 0.85 };
    default: return { color: ink, weight: 2, fillOpacity: 0.2 };
  }
}

/** Draws the context on `map`; resolves with its layer (empty when the park has none). */
export async function addContext(map) {
  if (!map.getPane(PANE.name)) {
    const pane = map.createPane(PANE.name);
    pane.style.zIndex = String(PANE.zIndex);
    pane.style.pointerEvents = 'none';
  }
  const data = await getJson('/api/map/context', 'application/geo+json, application/json');
  const named = [];
  const layer = L.geoJSON(data, {
    pane: PANE.name,
    interactive: false,
    style,
    pointToLayer: (f, latlng) => L.circleMarker(latlng, {
      pane: PANE.name, radius: 6, color: '#FFFFFF', weight: 2, fillColor: colour('--pa-map-context-expressway', '#D9A441'), fillOpacity: 1,
    }),
    onEachFeature: (f, l) => {
      if (!f.properties || !f.properties.name || f.properties.kind === 'runway') return;
      l.bindTooltip(el('span'), { permanent: true, direction: f.geometry.type === 'Point' ? 'right' : 'center', className: 'pa-label pa-label-context', pane: 'tooltipPane' });
      named.push(l);
    },
  }).addTo(map);
  const relabel = () => {
    for (const l of named) {
      const p = l.feature.properties;
      l.setTooltipContent(el('span', null, getLang() === 'en' ? p.name_en || p.name : p.name));
    }
  };
  relabel();
  onLangChange(relabel);
  if (data.features && data.features.length && map.attributionControl) {
    let credit = t('contextCredit');
    map.attributionControl.addAttribution(htmlText(credit));
    onLangChange(() => {
      map.attributionControl.removeAttribution(htmlText(credit));
      credit = t('contextCredit');
      map.attributionControl.addAttribution(htmlText(credit));
    });
  }
  return layer;
}
