// The legend: explains every colour, dash and weight the map uses, in the current language.
//
// Swatches are drawn from the same style functions as the map (styles.js), and labels
// come from the catalog's value labels, so a park that renames "可出让" sees it here too.

import { getLang, pick, t } from './i18n.js';
import { valueLabel, attributeValues } from './vocabulary.js';
import {
  PARCEL_STATUS, UTILITY_COLORS, FACILITY_COLORS, ROAD_WEIGHT, LINE_STATUSES, CORRIDOR_KIND, LEGEND_NEUTRAL,
  BOUNDARY_STYLE, AXIS_STYLE, ZONE_PALETTE, PARK_PALETTE, parcelStyle, roadStyle, utilityStyle, facilityStyle,
  buildingStyle, corridorStyle, zoneStyle, industrialParkStyle, readinessStyle,
} from './styles.js';
import { monthLabel } from './asof.js';
import { redLineStyle } from './redlines.js';
import { el, svgEl } from './dom.js';

const isWhite = (color) => Boolean(color) && color.toUpperCase() === LEGEND_NEUTRAL.white.toUpperCase();

/** A 28×16 swatch: 'area' (filled box), 'line' or 'point', styled with Leaflet path options. */
function swatch(shape, style, extraClass) {
  const svg = svgEl('svg', { width: 28, height: 16, viewBox: '0 0 28 16', class: 'pa-swatch', 'aria-hidden': 'true', focusable: 'false' });
  let node;
  if (shape === 'line') {
    node = svgEl('line', {
      x1: 2, y1: 8, x2: 26, y2: 8,
      stroke: style.color,
      'stroke-width': Math.min(style.weight || 2, 9),
      'stroke-opacity': Math.max(style.opacity ?? 1, 0.35),
      'stroke-dasharray': style.dashArray,
      'stroke-linecap': style.lineCap || 'butt',
    });
  } else if (shape === 'point') {
    node = svgEl('circle', {
      cx: 14, cy: 8, r: 6,
      fill: style.fillColor,
      'fill-opacity': style.fillOpacity ?? 1,
      // A white outline vanishes on the white legend; show it as a thin dark ring instead.
      stroke: isWhite(style.color) ? LEGEND_NEUTRAL.ring : style.color,
      'stroke-width': isWhite(style.color) ? 0.75 : 1.5,
      'stroke-dasharray': style.dashArray,
    });
  } else {
    node = svgEl('rect', {
      x: 2, y: 2, width: 24, height: 12, rx: 1.5,
      fill: style.fill === false ? 'none' : style.fillColor || 'none',
      // Very faint fills (boundary, zones) would be invisible at swatch size; lift them a little.
      'fill-opacity': style.fill === false ? 0 : Math.max(style.fillOpacity ?? 0.2, 0.12),
      stroke: style.color,
      'stroke-width': Math.min(style.weight || 1, 3),
      'stroke-dasharray': style.dashArray ? scaleDash(style.dashArray) : null,
    });
  }
  if (extraClass) node.setAttribute('class', extraClass);
  svg.appendChild(node);
  return svg;
}

// Long dash patterns (the park boundary's 14-6-3-6) need shrinking to read on a 24 px box.
function scaleDash(dash) {
  return dash.split(/[ ,]+/).map((n) => Math.max(1, Math.round(Number(n) / 2))).join(' ');
}

function row(sw, label, count) {
  const li = el('li', 'pa-legend-row');
  li.append(sw, el('span', 'pa-legend-label', label));
  if (count !== undefined && count !== null) li.appendChild(el('span', 'pa-legend-count', String(count)));
  return li;
}

/** The areas of a layer as drawn: each one's name (in the page's language) and its path style. */
function drawnAreas(manager, id) {
  const layer = manager.layers[id];
  const out = [];
  if (!layer) return out;
  layer.eachLayer((l) => {
    const p = (l.feature && l.feature.properties) || {};
    const name = getLang() === 'en' ? p.name_en || p.name : p.name;
    if (name && l.options) out.push({ name: String(name), style: { ...l.options } });
  });
  return out;
}

function section(id, heading, subheading) {
  const sec = el('section', 'pa-legend-section');
  if (id) sec.dataset.legend = id;
  if (heading) sec.appendChild(el('h3', null, heading));
  if (subheading) sec.appendChild(el('p', 'pa-legend-sub', subheading));
  const ul = el('ul');
  sec.appendChild(ul);
  return { sec, ul };
}

/** Values to list for an enumerated attribute: the catalog's own list, else our style table's keys. */
function valuesOf(collection, attr, fallbackKeys) {
  const fromCatalog = attributeValues(collection, attr);
  return fromCatalog ? fromCatalog.map((v) => v.value) : fallbackKeys;
}

function countBy(manager, id, attr) {
  const entry = manager.entries.get(id);
  if (!entry || !entry.loaded) return null;
  if (entry.tiled) return manager.countsBy(id, attr); // the whole layer's, from the server (null until in)
  const counts = {};
  entry.geojson.eachLayer((l) => {
    const v = l.feature && l.feature.properties ? l.feature.properties[attr] : null;
    counts[v] = (counts[v] || 0) + 1;
  });
  return counts;
}

/**
 * The readiness view's parcel section: one row per number of items met, 0…N, with how many
 * parcels have that count as of the slider's date. `state` is the readiness view's legendState().
 */
function readinessSection(state, parcelsOff) {
  const standard = t(`standard_${state.standard}`);
  const { sec, ul } = section('readiness', t('legendReadiness', { standard }),
    t('legendReadinessSub', { date: monthLabel(state.asOf) }));
  // Most-ready first, as the status legend lists what is on offer first.
  for (let n = state.total; n >= 0; n--) {
    const label = n === state.total ? t('legendAllMet', { n }) : t('legendMet', { n });
    const li = row(swatch('area', readinessStyle(n, state.total)), label, state.counts[n] || 0);
    li.dataset.met = String(n);
    ul.appendChild(li);
  }
  if (state.noData) ul.appendChild(row(swatch('area', readinessStyle(null, state.total)), t('legendNoData'), state.noData));
  sec.classList.toggle('pa-legend-off', parcelsOff);
  return sec;
}

/**
 * Rebuilds the legend into `container`. Cheap enough to call on every language or layer change.
 * With `readiness` (the readiness view's legend state) parcels are explained by items met instead of status.
 */
export function renderLegend(container, catalog, manager, readiness = null, { redLines = false } = {}) {
  const byId = new Map(catalog.collections.map((c) => [c.id, c]));
  const frag = document.createDocumentFragment();
  const title = (c) => pick(c.title, c.id);
  const off = (id) => !manager.isVisible(id);

  const parcels = byId.get('parcels');
  if (parcels && readiness) {
    frag.appendChild(readinessSection(readiness, off('parcels')));
  } else if (parcels) {
    const { sec, ul } = section('parcels', title(parcels), t('status'));
    const counts = countBy(manager, 'parcels', 'status');
    for (const status of valuesOf(parcels, 'status', Object.keys(PARCEL_STATUS))) {
      const hatch = PARCEL_STATUS[status] && PARCEL_STATUS[status].hatch ? 'pa-hatch-fill' : null;
      ul.appendChild(row(swatch('area', parcelStyle(status), hatch), valueLabel(parcels, 'status', status),
        counts ? counts[status] || 0 : null));
    }
    sec.classList.toggle('pa-legend-off', off('parcels'));
    frag.appendChild(sec);
  }

  const buildings = byId.get('factory-buildings');
  if (buildings) {
    const { sec, ul } = section('factory-buildings', title(buildings));
    const statuses = attributeValues(buildings, 'status');
    if (statuses) {
      for (const v of statuses) ul.appendChild(row(swatch('area', buildingStyle(v.value)), valueLabel(buildings, 'status', v.value)));
    } else {
      ul.appendChild(row(swatch('area', buildingStyle(null)), title(buildings)));
    }
    sec.classList.toggle('pa-legend-off', off('factory-buildings'));
    frag.appendChild(sec);
  }

  const roads = byId.get('roads');
  if (roads) {
    const { sec, ul } = section('roads', title(roads), t('status'));
    for (const status of valuesOf(roads, 'status', LINE_STATUSES)) {
      ul.appendChild(row(swatch('line', roadStyle('secondary', status)), valueLabel(roads, 'status', status)));
    }
    sec.appendChild(el('p', 'pa-legend-sub', t('grade')));
    const ul2 = el('ul');
    for (const grade of valuesOf(roads, 'grade', Object.keys(ROAD_WEIGHT))) {
      ul2.appendChild(row(swatch('line', roadStyle(grade, 'existing')), valueLabel(roads, 'grade', grade)));
    }
    sec.appendChild(ul2);
    if (redLines) {
      // Edit mode draws the red-line corridors' outlines (snap targets) whether or not the roads are shown.
      const ul3 = el('ul');
      const li = row(swatch('line', redLineStyle()), t('legendRedLines'));
      li.dataset.legend = 'red-lines';
      ul3.appendChild(li);
      sec.appendChild(ul3);
    }
    sec.classList.toggle('pa-legend-off', off('roads') && !redLines);
    frag.appendChild(sec);
  }

  const utilities = byId.get('utility-lines');
  if (utilities) {
    const { sec, ul } = section('utility-lines', title(utilities));
    for (const u of valuesOf(utilities, 'utility', Object.keys(UTILITY_COLORS))) {
      ul.appendChild(row(swatch('line', utilityStyle(u, 'existing')), valueLabel(utilities, 'utility', u)));
    }
    // Dashing means the same as on roads; show it in neutral grey rather than repeating every colour.
    const statusUl = el('ul', 'pa-legend-inline');
    for (const status of valuesOf(utilities, 'status', LINE_STATUSES)) {
      const s = { ...utilityStyle(null, status), color: LEGEND_NEUTRAL.line };
      statusUl.appendChild(row(swatch('line', s), valueLabel(utilities, 'status', status)));
    }
    sec.appendChild(statusUl);
    sec.classList.toggle('pa-legend-off', off('utility-lines'));
    frag.appendChild(sec);
  }

  const facilities = byId.get('facilities');
  if (facilities) {
    const { sec, ul } = section('facilities', title(facilities), t('kind'));
    for (const kind of valuesOf(facilities, 'kind', Object.keys(FACILITY_COLORS))) {
      ul.appendChild(row(swatch('point', facilityStyle(kind, 'existing')), valueLabel(facilities, 'kind', kind)));
    }
    const statusUl = el('ul', 'pa-legend-inline');
    for (const status of valuesOf(facilities, 'status', LINE_STATUSES)) {
      const s = { ...facilityStyle(null, status) };
      statusUl.appendChild(row(swatch('point', s), valueLabel(facilities, 'status', status)));
    }
    sec.appendChild(statusUl);
    sec.classList.toggle('pa-legend-off', off('facilities'));
    frag.appendChild(sec);
  }

  // The planning structure ("233" pattern and the boundary): one row per layer.
  const structure = ['corridors', 'axes', 'industrial-parks', 'zones', 'park-boundary'].filter((id) => byId.has(id));
  if (structure.length) {
    const { sec, ul } = section(null, null);
    sec.classList.add('pa-legend-structure');
    for (const id of structure) {
      const c = byId.get(id);
      if (id === 'corridors') {
        for (const kind of valuesOf(c, 'kind', Object.keys(CORRIDOR_KIND))) {
          const li = row(swatch('area', corridorStyle(kind)), `${title(c)} · ${valueLabel(c, 'kind', kind)}`);
          li.dataset.legend = id;
          li.classList.toggle('pa-legend-off', off(id));
          ul.appendChild(li);
        }
        continue;
      }
      // Zones and industrial parks each have a colour of their own: one row per area, in the colour it is drawn in.
      const areas = (id === 'zones' || id === 'industrial-parks') ? drawnAreas(manager, id) : [];
      if (areas.length) {
        for (const area of areas) {
          const li = row(swatch('area', area.style), `${title(c)} · ${area.name}`);
          li.dataset.legend = id;
          li.classList.toggle('pa-legend-off', off(id));
          ul.appendChild(li);
        }
        continue;
      }
      const style = id === 'axes' ? AXIS_STYLE
        : id === 'zones' ? zoneStyle(ZONE_PALETTE()[0])
        : id === 'industrial-parks' ? industrialParkStyle(PARK_PALETTE()[0])
        : BOUNDARY_STYLE;
      const li = row(swatch(id === 'axes' ? 'line' : 'area', style), title(c));
      li.dataset.legend = id;
      li.classList.toggle('pa-legend-off', off(id));
      ul.appendChild(li);
    }
    frag.appendChild(sec);
  }

  container.replaceChildren(frag);
  if (!container.childElementCount) container.appendChild(el('p', 'pa-legend-sub', t('legendEmpty')));
}
