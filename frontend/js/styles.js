// Cartography: how each collection is drawn, and in which order.
//
// Colours carry meaning (parcel status, utility type, facility kind), dashing carries
// construction status, stroke weight carries road grade. The legend is built from the
// same tables, so what the legend shows is always what the map draws.
//
// Every colour is a token of css/tokens.css (--pa-map-*, --pa-edit-*), read here with
// getComputedStyle: the page's CSS and the map share one palette. The tables below hold token
// names and resolve them when read (getters), so they work whenever the stylesheet is there.

const TOKEN = Symbol('token');
const tokenCache = new Map();

/** The value of a CSS custom property of the page (e.g. "--pa-map-road" → "#3A3A3A"), cached. */
export function token(name) {
  if (!tokenCache.has(name)) {
    const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    if (!value) {
      console.error(`ParkAtlas: colour token ${name} is not defined (is css/tokens.css linked?)`);
      return '#FF00FF';
    }
    tokenCache.set(name, value);
  }
  return tokenCache.get(name);
}

/** A reference to a --pa-map-* token inside a table given to live(). */
const v = (name) => ({ [TOKEN]: `--pa-${name}` });

/** A copy of `spec` whose token references read the token on access. */
function live(spec) {
  const out = {};
  for (const [k, val] of Object.entries(spec)) {
    if (val && val[TOKEN]) Object.defineProperty(out, k, { get: () => token(val[TOKEN]), enumerable: true });
    else if (val && typeof val === 'object' && !Array.isArray(val)) out[k] = live(val);
    else out[k] = val;
  }
  return Object.freeze(out);
}

const palette = (prefix, n) => () => Array.from({ length: n }, (_, i) => token(`--pa-map-${prefix}-${i + 1}`));

// Bottom to top. Planning structure lies underneath so that the things an investor
// clicks (parcels, buildings, networks, facilities) stay on top and clickable.
export const DRAW_ORDER = [
  'park-boundary',
  'corridors',
  'zones',
  'industrial-parks',
  'parcels',
  'factory-buildings',
  'axes',
  'roads',
  'utility-lines',
  'facilities',
];

export const DEFAULT_VISIBLE = new Set([
  'park-boundary',
  'zones',
  'parcels',
  'roads',
  'facilities',
  'factory-buildings',
]);

// Okabe–Ito derived: distinguishable with the common colour-vision deficiencies,
// and never relying on red/green alone (planned is hatched, in_use is neutral grey).
export const PARCEL_STATUS = live({
  available: { fill: v('map-parcel-available'), stroke: v('map-parcel-available-line') },
  reserved: { fill: v('map-parcel-reserved'), stroke: v('map-parcel-reserved-line') },
  transferred: { fill: v('map-parcel-transferred'), stroke: v('map-parcel-transferred-line') },
  in_use: { fill: v('map-parcel-in-use'), stroke: v('map-parcel-in-use-line') },
  planned: { fill: v('map-parcel-planned'), stroke: v('map-parcel-planned-line'), dash: '5 3', hatch: true, paleBadge: true },
});
const PARCEL_UNKNOWN = live({ fill: v('map-parcel-unknown'), stroke: v('map-parcel-unknown-line') });

/** Text colour of a parcel status badge (dark on the pale planned fill). */
export function badgeInk(status) {
  return token(PARCEL_STATUS[status] && PARCEL_STATUS[status].paleBadge ? '--pa-map-badge-ink-pale' : '--pa-map-badge-ink');
}

// Conventional utility colours as on Chinese and international pipeline drawings.
export const UTILITY_COLORS = live({
  water: v('map-utility-water'),
  sewer: v('map-utility-sewer'),
  storm: v('map-utility-storm'),
  power: v('map-utility-power'),
  gas: v('map-utility-gas'),
  heat: v('map-utility-heat'),
  telecom: v('map-utility-telecom'),
  broadband: v('map-utility-broadband'),
});
const UTILITY_UNKNOWN = () => token('--pa-map-utility-unknown');

// Facilities share their network's colour so a plant visibly "belongs" to its pipes.
export const FACILITY_COLORS = live({
  sewage_plant: v('map-utility-sewer'),
  water_plant: v('map-utility-water'),
  storm_outfall: v('map-utility-storm'),
  substation: v('map-utility-power'),
  gas_station: v('map-utility-gas'),
  heat_source: v('map-utility-heat'),
  telecom_exchange: v('map-utility-telecom'),
});
const FACILITY_UNKNOWN = () => token('--pa-map-facility-unknown');

/** Neutral grey for legend rows that explain dashing rather than a colour, and the ring round white outlines. */
export const LEGEND_NEUTRAL = live({ line: v('map-neutral'), ring: v('map-neutral-ring'), white: v('map-facility-ring') });

const ROAD_COLOR = () => token('--pa-map-road');
export const ROAD_WEIGHT = { arterial: 6, secondary: 4, branch: 2.5 };
const ROAD_WEIGHT_DEFAULT = 3;

// The construction-status vocabulary is shared by roads, utility lines and buildings.
export const LINE_STATUSES = ['existing', 'under_construction', 'planned'];

/** Dash pattern for a construction status, scaled to the line weight so thick roads still read. */
export function statusDash(status, weight) {
  if (status === 'under_construction') return `${Math.round(weight * 2.2)} ${Math.round(weight * 1.6)}`;
  if (status === 'planned') return `1 ${Math.round(weight * 2.2)}`;
  return null;
}

export const ZONE_PALETTE = palette('zone', 6);
export const PARK_PALETTE = palette('park', 6);

export const CORRIDOR_KIND = live({
  ecological: { fill: v('map-corridor-ecological'), stroke: v('map-corridor-ecological-line'), dash: null },
  infrastructure: { fill: v('map-corridor-infrastructure'), stroke: v('map-corridor-infrastructure-line'), dash: '6 4' },
});

export const BOUNDARY_STYLE = live({
  color: v('map-boundary'),
  weight: 3.5,
  opacity: 0.95,
  dashArray: '14 6 3 6',
  fill: true,
  fillColor: v('map-boundary'),
  fillOpacity: 0.025,
});

export const AXIS_STYLE = live({ color: v('map-axis'), weight: 12, opacity: 0.3, lineCap: 'butt' });

export const BUILDING_STYLE = live({ color: v('map-building-line'), weight: 1, fillColor: v('map-building'), fillOpacity: 0.85 });

// Standard factory buildings are stock waiting for tenants (厂房等项目): the ones still on offer
// stand out in the "available" green of the parcels; taken ones stay neutral slate.
export const BUILDING_FILL = live({
  available: v('map-building-on-offer'),
  vacant: v('map-building-on-offer'),
  leased: v('map-building-leased'),
  sold: v('map-building-sold'),
});
const ON_OFFER = new Set(['available', 'vacant']);

function classes(collectionId, extra) {
  // Every feature path carries pa-<collection id>; tests and CSS hang off these.
  const list = [`pa-${collectionId}`];
  if (collectionId === 'parcels') list.push('pa-parcel');
  if (extra) list.push(extra);
  return list.join(' ');
}

function slug(value) {
  return String(value ?? 'none').replace(/[^A-Za-z0-9_-]/g, '_');
}

export function parcelStyle(status) {
  const s = PARCEL_STATUS[status] || PARCEL_UNKNOWN;
  return {
    color: s.stroke,
    weight: 1.2,
    opacity: 1,
    dashArray: s.dash || null,
    fill: true,
    fillColor: s.fill,
    fillOpacity: s.hatch ? 0.9 : 0.55,
  };
}

export function roadStyle(grade, status) {
  const weight = ROAD_WEIGHT[grade] || ROAD_WEIGHT_DEFAULT;
  return {
    color: ROAD_COLOR(),
    weight,
    opacity: 0.95,
    dashArray: statusDash(status, weight),
    lineCap: status === 'planned' ? 'round' : 'butt',
    lineJoin: 'round',
  };
}

export function utilityStyle(utility, status) {
  const weight = 2.5;
  return {
    color: UTILITY_COLORS[utility] || UTILITY_UNKNOWN(),
    weight,
    opacity: 0.95,
    dashArray: statusDash(status, weight),
    lineCap: status === 'planned' ? 'round' : 'butt',
    lineJoin: 'round',
  };
}

export function facilityStyle(kind, status) {
  const color = FACILITY_COLORS[kind] || FACILITY_UNKNOWN();
  const built = status !== 'under_construction' && status !== 'planned';
  const ring = token('--pa-map-facility-ring');
  // Unbuilt facilities are drawn hollow: an investor must not read a planned plant as working.
  return {
    radius: 7,
    color: built ? ring : color,
    weight: 2,
    opacity: 1,
    dashArray: built ? null : '3 2',
    fill: true,
    fillColor: built ? color : ring,
    fillOpacity: built ? 0.95 : 0.85,
  };
}

export function buildingStyle(status) {
  // Anything not still being built or planned is a standing building, whatever its letting state.
  const built = status !== 'under_construction' && status !== 'planned';
  return {
    ...BUILDING_STYLE,
    fillColor: BUILDING_FILL[status] || BUILDING_STYLE.fillColor,
    color: ON_OFFER.has(status) ? token('--pa-map-building-on-offer-line') : BUILDING_STYLE.color,
    dashArray: built ? null : statusDash(status, 1.5),
    weight: built ? 1 : 1.5,
    fillOpacity: built ? 0.85 : status === 'planned' ? 0.15 : 0.45,
  };
}

export function corridorStyle(kind) {
  const k = CORRIDOR_KIND[kind] || CORRIDOR_KIND.ecological;
  return {
    color: k.stroke,
    weight: 1.5,
    opacity: 0.9,
    dashArray: k.dash,
    fill: true,
    fillColor: k.fill,
    fillOpacity: 0.32,
  };
}

export function zoneStyle(color) {
  return { color, weight: 2.5, opacity: 0.85, fill: true, fillColor: color, fillOpacity: 0.07 };
}

export function industrialParkStyle(color) {
  return { color, weight: 2, opacity: 0.9, dashArray: '8 5', fill: true, fillColor: color, fillOpacity: 0.05 };
}

const GENERIC = live({
  Polygon: { color: v('map-generic'), weight: 1.5, fill: true, fillColor: v('map-generic-fill'), fillOpacity: 0.2 },
  LineString: { color: v('map-generic'), weight: 2.5 },
  Point: { radius: 6, color: v('map-generic-ring'), weight: 2, fill: true, fillColor: v('map-generic'), fillOpacity: 0.9 },
});

/** Pane name and z-index for a collection: one pane per layer keeps order stable across toggles. */
export function paneFor(collection) {
  const i = DRAW_ORDER.indexOf(collection.id);
  let z;
  if (i >= 0) {
    z = 405 + i * 5;
  } else {
    // Unknown collections slot in next to their geometric peers.
    const g = baseGeometry(collection.geometryType);
    z = g === 'Point' ? 452 : g === 'LineString' ? 447 : 422;
  }
  return { name: `pa-pane-${slug(collection.id)}`, zIndex: z };
}

export function baseGeometry(type) {
  const t = String(type || '').replace(/^Multi/, '');
  return t === 'Point' || t === 'LineString' ? t : 'Polygon';
}

/**
 * Style function for a collection's features. Colours for zones/industrial parks are
 * handed out in order of appearance so neighbouring zones differ, and stay fixed for
 * a feature once assigned (hover resets must not recolour it).
 */
export function createStyler(collection) {
  const id = collection.id;
  const assigned = new Map();
  const ordinal = (feature, palette) => {
    const key = feature.id ?? feature.properties?.code ?? feature.properties?.name;
    if (!assigned.has(key)) assigned.set(key, palette[assigned.size % palette.length]);
    return assigned.get(key);
  };

  return function style(feature) {
    const p = (feature && feature.properties) || {};
    let s;
    let extra = null;
    switch (id) {
      case 'parcels':
        s = parcelStyle(p.status);
        extra = `pa-status-${slug(p.status)}`;
        break;
      case 'roads':
        s = roadStyle(p.grade, p.status);
        extra = `pa-status-${slug(p.status)}`;
        break;
      case 'utility-lines':
        s = utilityStyle(p.utility, p.status);
        extra = `pa-utility-${slug(p.utility)}`;
        break;
      case 'facilities':
        s = facilityStyle(p.kind, p.status);
        extra = `pa-kind-${slug(p.kind)}`;
        break;
      case 'factory-buildings':
        s = buildingStyle(p.status);
        extra = `pa-status-${slug(p.status)}`;
        break;
      case 'corridors':
        s = corridorStyle(p.kind);
        break;
      case 'zones':
        s = zoneStyle(ordinal(feature, ZONE_PALETTE()));
        break;
      case 'industrial-parks':
        s = industrialParkStyle(ordinal(feature, PARK_PALETTE()));
        break;
      case 'axes':
        s = { ...AXIS_STYLE };
        break;
      case 'park-boundary':
        s = { ...BOUNDARY_STYLE };
        break;
      default:
        s = { ...GENERIC[baseGeometry(collection.geometryType)] };
    }
    s.className = classes(id, extra);
    return s;
  };
}

/** Which collections get permanent name labels on the map (large areas people orient by). */
export const LABELLED = new Set(['zones', 'industrial-parks', 'corridors', 'axes']);

// Readiness view (七通一平): parcels coloured by how many items are met. A red → yellow → green
// ramp (ColorBrewer RdYlGn) sampled at met/total, so the same share of items met reads the same
// under 七通 (8 items) and 九通 (10). Red against green alone fails colour-blind readers, so
// "ready" parcels also get a heavy dark outline, and hover text and popups state the count.
const READINESS_RAMP = () => Array.from({ length: 9 }, (_, i) => token(`--pa-map-readiness-${i}`));

function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(a, b, f) {
  const [ra, ga, ba] = hexToRgb(a);
  const [rb, gb, bb] = hexToRgb(b);
  const c = (x, y) => Math.round(x + (y - x) * f).toString(16).padStart(2, '0');
  return `#${c(ra, rb)}${c(ga, gb)}${c(ba, bb)}`.toUpperCase();
}

/** Fill colour for `met` of `total` items met (null met: the server knows nothing of the parcel). */
export function readinessColor(met, total) {
  if (met === null || met === undefined || !total) return token('--pa-map-readiness-none');
  const ramp = READINESS_RAMP();
  const x = (Math.max(0, Math.min(total, met)) / total) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  return mix(ramp[i], ramp[i + 1], x - i);
}

export function readinessStyle(met, total) {
  const ready = met !== null && met !== undefined && total > 0 && met >= total;
  const known = met !== null && met !== undefined;
  return {
    color: token(ready ? '--pa-map-readiness-ready-line' : known ? '--pa-map-readiness-line' : '--pa-map-readiness-none-line'),
    weight: ready ? 2 : 1,
    opacity: ready ? 1 : 0.75,
    dashArray: known ? null : '4 3',
    fill: true,
    fillColor: readinessColor(met, total),
    fillOpacity: known ? 0.78 : 0.5,
  };
}

// The connection traced from a parcel to its source: the network's own colour on a white halo,
// so a water trace reads as water; the road trace has no network colour of its own.
export function traceStyle(item, met) {
  const color = UTILITY_COLORS[item] || token('--pa-map-trace-road');
  return {
    core: { color, weight: 5, opacity: 1, lineCap: 'round', lineJoin: 'round', dashArray: met ? null : '10 8' },
    halo: { color: token('--pa-map-trace-halo'), weight: 10, opacity: 0.92, lineCap: 'round', lineJoin: 'round' },
    source: { radius: 10, color: token('--pa-map-trace-source-line'), weight: 3, fill: true, fillColor: color, fillOpacity: 1 },
  };
}

/** The highlight of the selected feature's outline (popup open). */
export const selectedLine = () => token('--pa-map-selected-line');

/** Edit mode's map styles: conflicts, the other planner's version, history outlines, the drawing, the split line. */
export function editStyles() {
  return {
    conflict: { color: token('--pa-edit-conflict'), weight: 3, fillColor: token('--pa-edit-conflict'), fillOpacity: 0.35 },
    theirs: { color: token('--pa-edit-theirs'), weight: 3, dashArray: '8 5', fill: false },
    historyBefore: { color: token('--pa-edit-history-before'), weight: 3, dashArray: '6 4', fillOpacity: 0.08 },
    historyAfter: { color: token('--pa-edit-history-after'), weight: 3, fillOpacity: 0.12 },
    draft: { color: token('--pa-edit-draft'), weight: 3, fillOpacity: 0.2 },
    splitLine: { color: token('--pa-edit-split-line'), weight: 3 },
  };
}
