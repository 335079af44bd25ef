// Cartography: how each collection is drawn, and in which order.
//
// Colours carry meaning (parcel status, utility type, facility kind), dashing carries
// construction status, stroke weight carries road grade. The legend is built from the
// same tables, so what the legend shows is always what the map draws.

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
export const PARCEL_STATUS = {
  available: { fill: '#009E73', stroke: '#00664A' },
  reserved: { fill: '#E69F00', stroke: '#8F6400' },
  transferred: { fill: '#0072B2', stroke: '#00466E' },
  in_use: { fill: '#8C8C8C', stroke: '#4D4D4D' },
  planned: { fill: '#F4F3EC', stroke: '#8A8A8A', dash: '5 3', hatch: true },
};
const PARCEL_UNKNOWN = { fill: '#D9D9D9', stroke: '#7A7A7A' };

// Conventional utility colours as on Chinese and international pipeline drawings.
export const UTILITY_COLORS = {
  water: '#1F78B4',
  sewer: '#8C510A',
  storm: '#01857D',
  power: '#D7191C',
  gas: '#E08A00',
  heat: '#C51B7D',
  telecom: '#6A3D9A',
  broadband: '#9E6CD8',
};
const UTILITY_UNKNOWN = '#666666';

// Facilities share their network's colour so a plant visibly "belongs" to its pipes.
export const FACILITY_COLORS = {
  sewage_plant: UTILITY_COLORS.sewer,
  water_plant: UTILITY_COLORS.water,
  storm_outfall: UTILITY_COLORS.storm,
  substation: UTILITY_COLORS.power,
  gas_station: UTILITY_COLORS.gas,
  heat_source: UTILITY_COLORS.heat,
  telecom_exchange: UTILITY_COLORS.telecom,
};
const FACILITY_UNKNOWN = '#555555';

export const ROAD_COLOR = '#3A3A3A';
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

const ZONE_PALETTE = ['#7B3294', '#E66101', '#1B7837', '#2166AC', '#B2182B', '#5E3C99'];
const PARK_PALETTE = ['#C2185B', '#00838F', '#EF6C00', '#283593', '#558B2F', '#6D4C41'];

export const CORRIDOR_KIND = {
  ecological: { fill: '#66BD63', stroke: '#1A9850', dash: null },
  infrastructure: { fill: '#B5C98A', stroke: '#6B8E23', dash: '6 4' },
};

export const BOUNDARY_STYLE = {
  color: '#B2182B',
  weight: 3.5,
  opacity: 0.95,
  dashArray: '14 6 3 6',
  fill: true,
  fillColor: '#B2182B',
  fillOpacity: 0.025,
};

export const AXIS_STYLE = { color: '#D7301F', weight: 12, opacity: 0.3, lineCap: 'butt' };

export const BUILDING_STYLE = { color: '#1C262B', weight: 1, fillColor: '#37474F', fillOpacity: 0.85 };

// Standard factory buildings are stock waiting for tenants (厂房等项目): the ones still on offer
// stand out in the "available" green of the parcels; taken ones stay neutral slate.
export const BUILDING_FILL = {
  available: '#00684B',
  vacant: '#00684B',
  leased: '#546E7A',
  sold: '#2F3B44',
};

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
    color: ROAD_COLOR,
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
    color: UTILITY_COLORS[utility] || UTILITY_UNKNOWN,
    weight,
    opacity: 0.95,
    dashArray: statusDash(status, weight),
    lineCap: status === 'planned' ? 'round' : 'butt',
    lineJoin: 'round',
  };
}

export function facilityStyle(kind, status) {
  const color = FACILITY_COLORS[kind] || FACILITY_UNKNOWN;
  const built = status !== 'under_construction' && status !== 'planned';
  // Unbuilt facilities are drawn hollow: an investor must not read a planned plant as working.
  return {
    radius: 7,
    color: built ? '#FFFFFF' : color,
    weight: 2,
    opacity: 1,
    dashArray: built ? null : '3 2',
    fill: true,
    fillColor: built ? color : '#FFFFFF',
    fillOpacity: built ? 0.95 : 0.85,
  };
}

export function buildingStyle(status) {
  // Anything not still being built or planned is a standing building, whatever its letting state.
  const built = status !== 'under_construction' && status !== 'planned';
  return {
    ...BUILDING_STYLE,
    fillColor: BUILDING_FILL[status] || BUILDING_STYLE.fillColor,
    color: BUILDING_FILL[status] === '#00684B' ? '#003D2C' : BUILDING_STYLE.color,
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

const GENERIC = {
  Polygon: { color: '#555', weight: 1.5, fill: true, fillColor: '#999', fillOpacity: 0.2 },
  LineString: { color: '#555', weight: 2.5 },
  Point: { radius: 6, color: '#fff', weight: 2, fill: true, fillColor: '#555', fillOpacity: 0.9 },
};

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
        s = zoneStyle(ordinal(feature, ZONE_PALETTE));
        break;
      case 'industrial-parks':
        s = industrialParkStyle(ordinal(feature, PARK_PALETTE));
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
const READINESS_RAMP = ['#D73027', '#F46D43', '#FDAE61', '#FEE08B', '#D9EF8B', '#A6D96A', '#66BD63', '#1A9850', '#006837'];
export const READINESS_NO_DATA = '#CFCFCF';

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
  if (met === null || met === undefined || !total) return READINESS_NO_DATA;
  const x = (Math.max(0, Math.min(total, met)) / total) * (READINESS_RAMP.length - 1);
  const i = Math.min(READINESS_RAMP.length - 2, Math.floor(x));
  return mix(READINESS_RAMP[i], READINESS_RAMP[i + 1], x - i);
}

export function readinessStyle(met, total) {
  const ready = met !== null && met !== undefined && total > 0 && met >= total;
  const known = met !== null && met !== undefined;
  return {
    color: ready ? '#00331C' : known ? '#4A4A4A' : '#8A8A8A',
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
export const TRACE_ROAD_COLOR = '#D6007A';

export function traceStyle(item, met) {
  const color = UTILITY_COLORS[item] || TRACE_ROAD_COLOR;
  return {
    core: { color, weight: 5, opacity: 1, lineCap: 'round', lineJoin: 'round', dashArray: met ? null : '10 8' },
    halo: { color: '#FFFFFF', weight: 10, opacity: 0.92, lineCap: 'round', lineJoin: 'round' },
    source: { radius: 10, color: '#111111', weight: 3, fill: true, fillColor: color, fillOpacity: 1 },
  };
}

/** Edit mode's map styles: conflicts, the other planner's version, history outlines, the drawing, the split line. */
export function editStyles() {
  return {
    conflict: { color: '#D7191C', weight: 3, fillColor: '#D7191C', fillOpacity: 0.35 },
    theirs: { color: '#6A1B9A', weight: 3, dashArray: '8 5', fill: false },
    historyBefore: { color: '#7A7A7A', weight: 3, dashArray: '6 4', fillOpacity: 0.08 },
    historyAfter: { color: '#1565C0', weight: 3, fillOpacity: 0.12 },
    draft: { color: '#1565C0', weight: 3, fillOpacity: 0.2 },
    splitLine: { color: '#D7191C', weight: 3 },
  };
}
