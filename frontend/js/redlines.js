// Road red lines (道路红线) for the edit mode: the outline of every road's red-line corridor, i.e. the centreline
// buffered by half its `red_line_width_m`, which is what the server's topology check uses (JTS buffer, round caps and
// joins, in metres). Built on the client from the roads' GeoJSON so that parcel vertices and edges can snap to it.
//
// Each centreline segment becomes a "stadium" (a rectangle with half-round ends) in a local metric frame centred on
// the segment (ellipsoidal metres per degree at that latitude — millimetres off over a segment). The parts of a
// stadium's outline that lie inside any other segment's corridor are cut away, so what remains is the outline of the
// union: joints between segments and road crossings meet without inner lines.
//
// The outline is pushed OUTWARDS by MARGIN and the round ends are drawn as circumscribed polygons (chords outside the
// circle), so a parcel edge snapped to it never reaches into the corridor (the server allows 0.1 m² of intrusion;
// 1 cm along a 300 m edge would already be 3 m²). The gap left between parcel and corridor is a few centimetres.

import { token } from './styles.js';

/** The roads' red-line corridors (centreline ± red_line_width_m / 2), drawn faint while editing and snapped to. */
export function redLineStyle() {
  return {
    color: token('--pa-edit-red-line'), weight: 1.5, opacity: 0.75, dashArray: '6 4', fill: false, interactive: false,
    className: 'pa-redline', pane: 'pa-pane-edit',
    pmIgnore: true, // not editable …
    snapIgnore: false, // … but a snap target (Geoman only skips layers whose snapIgnore is true)
  };
}

const A = 6378137; // CGCS2000 / WGS 84 semi-major axis
const E2 = 0.00669438; // first eccentricity squared
const RAD = Math.PI / 180;
export const MARGIN = 0.03; // m outside the corridor
const ARC_STEPS = 16; // chords per half circle (JTS uses 8 per quadrant)

/** Metres per degree of longitude and latitude at `lat` (ellipsoidal). */
function scales(lat) {
  const s = Math.sin(lat * RAD);
  const w = Math.sqrt(1 - E2 * s * s);
  const n = A / w; // prime vertical radius
  const m = (A * (1 - E2)) / (w * w * w); // meridian radius
  return { kx: n * Math.cos(lat * RAD) * RAD, ky: m * RAD };
}

/** Distance from point p to segment ab (all {x, y}). */
function distToSegment(p, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Segments [lng, lat] → [lng, lat] with their corridor half width, from road features. */
function segmentsOf(features) {
  const out = [];
  for (const f of features) {
    const width = Number(f && f.properties && f.properties.red_line_width_m);
    const g = f && f.geometry;
    if (!g || !(width > 0)) continue;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    for (const line of lines) {
      for (let i = 0; i + 1 < line.length; i++) {
        const [x1, y1] = line[i];
        const [x2, y2] = line[i + 1];
        if (![x1, y1, x2, y2].every(Number.isFinite)) continue;
        out.push({ a: [x1, y1], b: [x2, y2], r: width / 2, id: f.id });
      }
      if (line.length === 1) out.push({ a: line[0], b: line[0], r: width / 2, id: f.id });
    }
  }
  return out;
}

/** The interval of t ∈ [0, 1] where p + t (q − p) lies closer than r to segment ab (convex, so one interval). */
function insideInterval(p, q, a, b, r) {
  const at = (t) => ({ x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) });
  const d = (t) => distToSegment(at(t), a, b);
  // Minimise the convex distance with a golden-section search.
  let lo = 0;
  let hi = 1;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = hi - g * (hi - lo);
  let e = lo + g * (hi - lo);
  let dc = d(c);
  let de = d(e);
  for (let i = 0; i < 48; i++) {
    if (dc < de) {
      hi = e; e = c; de = dc; c = hi - g * (hi - lo); dc = d(c);
    } else {
      lo = c; c = e; dc = de; e = lo + g * (hi - lo); de = d(e);
    }
  }
  let tm = (lo + hi) / 2;
  for (const t of [0, 1]) if (d(t) < d(tm)) tm = t;
  if (d(tm) >= r) return null;
  const edge = (from, to) => {
    // d(from) < r; find where d crosses r between from and to (or `to` if it never does).
    if (d(to) < r) return to;
    let x = from;
    let y = to;
    for (let i = 0; i < 48; i++) {
      const mid = (x + y) / 2;
      if (d(mid) < r) x = mid;
      else y = mid;
    }
    return (x + y) / 2;
  };
  return [edge(tm, 0), edge(tm, 1)];
}

/**
 * Red-line outlines as arrays of [lat, lng] (Leaflet order), open polylines or closed rings.
 * `features` are GeoJSON road features in CRS84 with `properties.red_line_width_m`.
 */
export function redLineOutlines(features, { margin = MARGIN } = {}) {
  const segs = segmentsOf(features);
  // Rough bounding boxes in degrees for a cheap neighbour test (1° lat ≈ 111 km; be generous in longitude).
  for (const s of segs) {
    const pad = (s.r + margin + 1) / 80000;
    s.box = [Math.min(s.a[0], s.b[0]) - pad, Math.min(s.a[1], s.b[1]) - pad, Math.max(s.a[0], s.b[0]) + pad, Math.max(s.a[1], s.b[1]) + pad];
  }
  const meets = (u, v) => u.box[0] <= v.box[2] && v.box[0] <= u.box[2] && u.box[1] <= v.box[3] && v.box[1] <= u.box[3];
  const pieces = [];
  for (const s of segs) {
    const lng0 = (s.a[0] + s.b[0]) / 2;
    const lat0 = (s.a[1] + s.b[1]) / 2;
    const { kx, ky } = scales(lat0);
    const toXY = ([lng, lat]) => ({ x: (lng - lng0) * kx, y: (lat - lat0) * ky });
    const toLatLng = (p) => [lat0 + p.y / ky, lng0 + p.x / kx];
    const a = toXY(s.a);
    const b = toXY(s.b);
    const r = s.r + margin;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const ang = len > 1e-9 ? Math.atan2(b.y - a.y, b.x - a.x) : 0;
    // Circumscribed half circles: vertices at r / cos(step / 2), so every chord stays outside the circle.
    const step = Math.PI / ARC_STEPS;
    const rv = r / Math.cos(step / 2);
    const ring = [];
    const arc = (c, from) => {
      ring.push({ x: c.x + r * Math.cos(from), y: c.y + r * Math.sin(from) });
      for (let i = 0; i < ARC_STEPS; i++) {
        const t = from + (i + 0.5) * step;
        ring.push({ x: c.x + rv * Math.cos(t), y: c.y + rv * Math.sin(t) });
      }
      ring.push({ x: c.x + r * Math.cos(from + Math.PI), y: c.y + r * Math.sin(from + Math.PI) });
    };
    arc(b, ang - Math.PI / 2); // right side end → round end at b → left side
    arc(a, ang + Math.PI / 2); // left side end → round end at a → back to the right side
    ring.push(ring[0]);

    const others = segs.filter((o) => o !== s && meets(s, o)).map((o) => ({ a: toXY(o.a), b: toXY(o.b), r: o.r + margin - 1e-6 }));
    // Walk the ring, keeping the parts outside every other corridor.
    let current = null;
    const out = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const p = ring[i];
      const q = ring[i + 1];
      const cuts = [];
      for (const o of others) {
        const iv = insideInterval(p, q, o.a, o.b, o.r);
        if (iv && iv[1] > iv[0]) cuts.push(iv);
      }
      cuts.sort((u, v) => u[0] - v[0]);
      const keep = [];
      let t = 0;
      for (const [c0, c1] of cuts) {
        if (c0 > t) keep.push([t, c0]);
        t = Math.max(t, c1);
      }
      if (t < 1) keep.push([t, 1]);
      const at = (u) => ({ x: p.x + u * (q.x - p.x), y: p.y + u * (q.y - p.y) });
      for (const [k0, k1] of keep) {
        if (k1 - k0 < 1e-9) continue;
        if (current && k0 === 0) current.push(at(k1));
        else {
          current = [at(k0), at(k1)];
          out.push(current);
        }
        if (k1 < 1) current = null;
      }
      if (!keep.length || keep[keep.length - 1][1] < 1) current = null;
    }
    // A run that reaches the ring's end continues into the run at its start.
    if (out.length > 1) {
      const first = out[0];
      const last = out[out.length - 1];
      const r0 = ring[0];
      if (first[0].x === r0.x && first[0].y === r0.y && last[last.length - 1].x === r0.x && last[last.length - 1].y === r0.y) {
        out.shift();
        last.push(...first.slice(1));
      }
    }
    for (const run of out) {
      // Drop repeated points (where a kept part of one edge continues into the next).
      const pts = run.filter((p, i) => i === 0 || Math.hypot(p.x - run[i - 1].x, p.y - run[i - 1].y) > 1e-6);
      if (pts.length > 1) pieces.push({ road: s.id, latlngs: pts.map(toLatLng) });
    }
  }
  return pieces;
}
