#!/usr/bin/env python3
"""Rule checks for the ILLUSTRATIVE Ganting sample dataset.

Reads the written GeoJSON files, projects every coordinate back to EPSG:4546 metres with the same
Transverse Mercator code as generate.py, and checks the rules the dataset promises (overlaps,
containment, red-line clearance, shared vertices, network connectivity, status plausibility,
property vocabularies and ranges).  Standard library only.

Usage:  python3 geodata/check.py
"""

import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import FILES, from_lonlat, tm_forward  # noqa: E402

MU = 10000.0 / 15.0
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TODAY = "2026-11-30"       # the dataset's "now": existing things are older, unbuilt ones newer
RANK = {"existing": 0, "under_construction": 1, "planned": 2}
STATUSES = tuple(RANK)
UTILITIES = ("water", "sewer", "storm", "power", "gas", "heat", "telecom", "broadband")
SOURCE_KIND = {"water": "water_plant", "sewer": "sewage_plant", "storm": "storm_outfall",
               "power": "substation", "gas": "gas_station", "heat": "heat_source",
               "telecom": "telecom_exchange", "broadband": "telecom_exchange"}


class Checker:
    def __init__(self):
        self.errors = []
        self.notes = []

    def ok(self, cond, msg):
        if not cond:
            self.errors.append(msg)
        return cond


# ---------------------------------------------------------------- geometry helpers (metres)
def area(ring):
    s = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def open_ring(coords):
    r = [from_lonlat(c) for c in coords]
    assert r[0] == r[-1]
    return r[:-1]


def clip(subject, clipper):
    """Sutherland-Hodgman: subject polygon clipped by a convex CCW clipper."""
    out = subject
    n = len(clipper)
    for i in range(n):
        a, b = clipper[i], clipper[(i + 1) % n]
        inp, out = out, []
        if not inp:
            break

        def inside(p):
            return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0

        def inter(p, q):
            x1, y1, x2, y2 = p[0], p[1], q[0], q[1]
            x3, y3, x4, y4 = a[0], a[1], b[0], b[1]
            den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
            t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
            return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))

        for j in range(len(inp)):
            p, q = inp[j], inp[(j + 1) % len(inp)]
            if inside(q):
                if not inside(p):
                    out.append(inter(p, q))
                out.append(q)
            elif inside(p):
                out.append(inter(p, q))
    return out


def overlap_area(r1, r2):
    c = clip(r1, r2)
    return abs(area(c)) if len(c) >= 3 else 0.0


def bbox(pts):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def bb_hit(a, b, pad=0.0):
    return not (a[2] + pad < b[0] or b[2] + pad < a[0] or a[3] + pad < b[1] or b[3] + pad < a[1])


def pt_seg(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L))
    return math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1])


def seg_intersect(p1, p2, p3, p4):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return 0 if abs(v) < 1e-9 else (1 if v > 0 else -1)

    def onseg(a, b, c):
        return min(a[0], b[0]) - 1e-9 <= c[0] <= max(a[0], b[0]) + 1e-9 and \
            min(a[1], b[1]) - 1e-9 <= c[1] <= max(a[1], b[1]) + 1e-9

    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (o1 == 0 and onseg(p1, p2, p3)) or (o2 == 0 and onseg(p1, p2, p4)) or \
        (o3 == 0 and onseg(p3, p4, p1)) or (o4 == 0 and onseg(p3, p4, p2))


def seg_seg(a, b, c, d):
    if seg_intersect(a, b, c, d):
        return 0.0
    return min(pt_seg(a, c, d), pt_seg(b, c, d), pt_seg(c, a, b), pt_seg(d, a, b))


def point_in_poly(p, ring):
    inside = False
    n = len(ring)
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if x > p[0]:
                inside = not inside
    return inside


def dist_to_boundary(p, ring):
    return min(pt_seg(p, ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring)))


def inside_margin(inner, outer):
    """Smallest distance of inner's vertices inside the convex polygon outer (negative: outside)."""
    m = float("inf")
    for p in inner:
        d = dist_to_boundary(p, outer)
        m = min(m, d if point_in_poly(p, outer) else -d)
    return m


def poly_seg_dist(ring, a, b):
    if point_in_poly(a, ring) or point_in_poly(b, ring):
        return 0.0
    return min(seg_seg(ring[i], ring[(i + 1) % len(ring)], a, b) for i in range(len(ring)))


def poly_poly_dist(r1, r2):
    if overlap_area(r1, r2) > 1e-6:
        return 0.0
    return min(poly_seg_dist(r1, r2[i], r2[(i + 1) % len(r2)]) for i in range(len(r2)))


# ---------------------------------------------------------------- loading
def load(d):
    data = {}
    for f in FILES:
        with open(os.path.join(d, f), encoding="utf-8") as fh:
            data[f] = json.load(fh)
    return data


def walk_numbers(o, out):
    if isinstance(o, list):
        for v in o:
            walk_numbers(v, out)
    elif isinstance(o, float):
        out.append(o)


def check_common(c, data, d):
    total = 0
    for f in FILES:
        total += os.path.getsize(os.path.join(d, f))
        fc = data[f]
        c.ok(fc.get("type") == "FeatureCollection", f + ": not a FeatureCollection")
        c.ok("crs" not in fc, f + ": has a crs member")
        ids = [ft.get("id") for ft in fc["features"]]
        c.ok(all(isinstance(i, str) for i in ids), f + ": non-string id")
        c.ok(len(set(ids)) == len(ids), f + ": duplicate ids")
        for ft in fc["features"]:
            pr = ft["properties"]
            c.ok("area_m2" not in pr and "area_mu" not in pr, f + ": area property " + ft["id"])
            c.ok(all(v is not None for v in pr.values()), f + ": null property " + ft["id"])
            for k, v in pr.items():
                if k.endswith("_date"):
                    c.ok(isinstance(v, str) and DATE.match(v), f + ": bad date " + ft["id"])
            nums = []
            walk_numbers(ft["geometry"]["coordinates"], nums)
            c.ok(all(round(v, 7) == v for v in nums), f + ": coordinate not rounded " + ft["id"])
            if ft["geometry"]["type"] == "Polygon":
                for ring in ft["geometry"]["coordinates"]:
                    c.ok(ring[0] == ring[-1], f + ": open ring " + ft["id"])
                    pts = [tuple(p) for p in ring[:-1]]
                    s = sum(pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0]
                            * pts[i][1] for i in range(len(pts)))
                    c.ok(s > 0, f + ": exterior ring not counter-clockwise " + ft["id"])
    c.ok(total < 3_000_000, "total size %d bytes" % total)
    c.notes.append("total size of geodata files: %d bytes" % total)


# ---------------------------------------------------------------- the checks
def run_all(d=HERE, verbose=True):
    c = Checker()
    data = load(d)
    check_common(c, data, d)

    e, n = tm_forward(36.17, 111.62)
    c.ok(abs(e - 555782) <= 1 and abs(n - 4004584) <= 1, "projection check value")

    feats = {f: data[f]["features"] for f in FILES}
    # ---- boundary
    bfs = feats["park-boundary.geojson"]
    c.ok(len(bfs) == 1, "one boundary")
    bp = bfs[0]["properties"]
    c.ok(bp == {"name": "甘亭新型工业园区", "name_en": "Ganting New-type Industrial Park",
                "admin_code": "141024"}, "boundary properties")
    boundary = open_ring(bfs[0]["geometry"]["coordinates"][0])
    barea = area(boundary)
    allc = []
    for f in FILES:
        if f == "context.geojson":
            continue  # the context lies around the park, the airport south of it
        for ft in feats[f]:
            g = ft["geometry"]
            if g["type"] == "Point":
                allc.append(g["coordinates"])
            elif g["type"] == "LineString":
                allc.extend(g["coordinates"])
            else:
                allc.extend(g["coordinates"][0])
    lons = [p[0] for p in allc]
    lats = [p[1] for p in allc]
    c.ok(min(lats) > 36.150, "park must stay north of 36.150N")
    c.notes.append("bbox lon %.7f..%.7f lat %.7f..%.7f" % (min(lons), max(lons), min(lats),
                                                          max(lats)))
    bb = bbox(boundary)
    c.ok(4000 <= bb[2] - bb[0] <= 5000 and 3000 <= bb[3] - bb[1] <= 4000, "park size")

    # ---- corridors
    cors = {ft["properties"]["code"]: ft for ft in feats["corridors.geojson"]}
    c.ok(sorted(cors) == ["C1", "C2"], "corridor codes")
    cor_rings = {}
    for code, ft in cors.items():
        p = ft["properties"]
        c.ok(p.get("kind") in ("ecological", "infrastructure"), "corridor kind " + code)
        c.ok(isinstance(p.get("width_m"), (int, float)), "corridor width " + code)
        for k in ("name", "name_en", "description"):
            c.ok(isinstance(p.get(k), str) and p[k], "corridor %s %s" % (k, code))
        r = open_ring(ft["geometry"]["coordinates"][0])
        cor_rings[code] = r
        c.ok(inside_margin(r, boundary) > -0.05, "corridor inside boundary " + code)
    eco = [cor_rings[k] for k, ft in cors.items() if ft["properties"]["kind"] == "ecological"]
    c.ok(len(eco) >= 1, "an ecological corridor")

    # ---- roads
    roads = []
    for ft in feats["roads.geojson"]:
        p = ft["properties"]
        pts = [from_lonlat(q) for q in ft["geometry"]["coordinates"]]
        roads.append((ft["id"], p, pts))
        c.ok(p["grade"] in ("arterial", "secondary", "branch"), "road grade " + ft["id"])
        c.ok(p["status"] in STATUSES, "road status " + ft["id"])
        lo, hi = {"arterial": (40, 50), "secondary": (24, 32), "branch": (16, 20)}[p["grade"]]
        c.ok(lo <= p["red_line_width_m"] <= hi, "red line width " + ft["id"])
        c.ok(isinstance(p.get("gateway"), bool), "gateway boolean " + ft["id"])
        for k in ("name", "name_en", "completion_date"):
            c.ok(k in p, "road %s %s" % (k, ft["id"]))
        if p["status"] == "existing":
            c.ok(p["completion_date"] <= TODAY, "existing road in the future " + ft["id"])
        else:
            c.ok(p["completion_date"] > TODAY, "unbuilt road dated in the past " + ft["id"])
        ends_on_b = [dist_to_boundary(q, boundary) <= 1.0 for q in (pts[0], pts[-1])]
        c.ok(p["gateway"] == any(ends_on_b), "gateway flag vs park edge " + ft["id"])
    gws = [r for r in roads if r[1]["gateway"]]
    c.ok(len(gws) >= 3, "at least 3 gateways")
    names = {}
    for rid, p, _ in roads:
        names.setdefault(p["name"], []).append((rid, p["status"], p["completion_date"]))
    c.ok(all(s == "existing" for _, s, _ in names.get("南外环东延", [])) and "南外环东延" in names,
         "南外环东延 existing")
    c.ok(all(s == "under_construction" and dt == "2027-06-30"
             for _, s, dt in names.get("中央大道西延", [])) and "中央大道西延" in names,
         "中央大道西延 under construction 2027-06-30")
    c.ok(all(s == "planned" for _, s, _ in names.get("南外环西延", [])) and "南外环西延" in names,
         "南外环西延 planned")
    c.ok("中央大道" in names and "南外环" in names, "existing 中央大道 and 南外环")
    # roads meet only at shared vertices
    rv = [set(pts) for _, _, pts in roads]
    for i in range(len(roads)):
        for j in range(i + 1, len(roads)):
            a, b = roads[i][2], roads[j][2]
            if not bb_hit(bbox(a), bbox(b), 0.01):
                continue
            for k in range(len(a) - 1):
                for m in range(len(b) - 1):
                    if seg_intersect(a[k], a[k + 1], b[m], b[m + 1]):
                        shared = rv[i] & rv[j]
                        c.ok(any(pt_seg(q, a[k], a[k + 1]) < 1e-6 and
                                 pt_seg(q, b[m], b[m + 1]) < 1e-6 for q in shared),
                             "roads cross without a shared vertex %s %s" % (roads[i][0],
                                                                            roads[j][0]))
    # road network: every segment reaches a gateway through segments of the same or better status
    check_network(c, "roads", [(rid, p["status"], pts) for rid, p, pts in roads],
                  {pts[0] if dist_to_boundary(pts[0], boundary) <= 1 else pts[-1]: p["status"]
                   for rid, p, pts in gws}, strict_single=False)

    # ---- axes
    axes = feats["axes.geojson"]
    c.ok(sorted(ft["properties"]["code"] for ft in axes) == ["A1", "A2", "A3"], "axis codes")
    for ft in axes:
        p = ft["properties"]
        for k in ("name", "name_en", "road_name", "description"):
            c.ok(isinstance(p.get(k), str), "axis %s %s" % (k, ft["id"]))
        pts = [from_lonlat(q) for q in ft["geometry"]["coordinates"]]
        for k in range(len(pts) - 1):
            mid = ((pts[k][0] + pts[k + 1][0]) / 2, (pts[k][1] + pts[k + 1][1]) / 2)
            for q in (pts[k], mid, pts[k + 1]):
                c.ok(min(pt_seg(q, r[2][0], r[2][-1]) for r in roads) < 0.05,
                     "axis off road centreline " + ft["id"])
        c.ok(any(p["road_name"] in r[1]["name"] for r in roads), "axis road name " + ft["id"])

    # ---- zones
    zones = {ft["properties"]["code"]: open_ring(ft["geometry"]["coordinates"][0])
             for ft in feats["zones.geojson"]}
    c.ok(sorted(zones) == ["Z1", "Z2", "Z3"], "zone codes")
    for ft in feats["zones.geojson"]:
        for k in ("name", "name_en", "function"):
            c.ok(isinstance(ft["properties"].get(k), str), "zone %s %s" % (k, ft["id"]))
    c.ok(abs(sum(area(z) for z in zones.values()) - barea) < 1.0, "zones tile the boundary (area)")
    zl = sorted(zones)
    for i in range(len(zl)):
        c.ok(inside_margin(zones[zl[i]], boundary) > -0.05, "zone inside boundary " + zl[i])
        for j in range(i + 1, len(zl)):
            c.ok(overlap_area(zones[zl[i]], zones[zl[j]]) < 0.5, "zones overlap")

    # ---- industrial parks
    ips = {}
    inds = {"IP1": "green_smart_manufacturing", "IP2": "optoelectronic_materials",
            "IP3": "new_energy", "IP4": "energy_saving_environmental", "IP5": "digital_economy"}
    for ft in feats["industrial-parks.geojson"]:
        p = ft["properties"]
        r = open_ring(ft["geometry"]["coordinates"][0])
        ips[p["code"]] = r
        c.ok(inds.get(p["code"]) == p["industry"], "industry of " + p["code"])
        c.ok(p["target_output_yi"] == 100, "target output " + p["code"])
        c.ok(p["zone"] in zones and inside_margin(r, zones[p["zone"]]) >= 1.0,
             "industrial park inside its zone " + p["code"])
    c.ok(sorted(ips) == sorted(inds), "five industrial parks")
    il = sorted(ips)
    for i in range(len(il)):
        for j in range(i + 1, len(il)):
            c.ok(overlap_area(ips[il[i]], ips[il[j]]) < 1e-6, "industrial parks overlap")

    # ---- parcels
    parcels = []
    for ft in feats["parcels.geojson"]:
        parcels.append((ft["id"], ft["properties"], open_ring(ft["geometry"]["coordinates"][0])))
    c.ok(len(parcels) >= 160, "at least 160 parcels")
    codes = [p["code"] for _, p, _ in parcels]
    c.ok(len(set(codes)) == len(codes), "parcel codes unique")
    stat = {}
    lev = {}
    min_clear = float("inf")
    for pid, p, r in parcels:
        stat[p["status"]] = stat.get(p["status"], 0) + 1
        lev[p["leveling"]] = lev.get(p["leveling"], 0) + 1
        c.ok(p["status"] in ("planned", "available", "reserved", "transferred", "in_use"),
             "parcel status " + pid)
        c.ok(isinstance(p["standard_land"], bool), "standard_land " + pid)
        a = abs(area(r)) / MU
        c.ok(15 <= a <= 150, "parcel size %.1f mu %s" % (a, pid))
        lu = p["land_use"]
        industrial = lu.startswith("1001") or lu.startswith("1101")
        if industrial:
            c.ok(150 <= p["min_investment_wan_per_mu"] <= 300, "investment " + pid)
            c.ok(250 <= p["min_output_wan_per_mu"] <= 400, "output " + pid)
            c.ok(8 <= p["min_tax_wan_per_mu"] <= 20, "tax " + pid)
            c.ok(0.7 <= p["min_far"] <= 1.2, "min_far " + pid)
            c.ok(p["min_far"] < p["max_far"] <= 2.0, "max_far " + pid)
            c.ok(35 <= p["max_building_density"] <= 65, "density " + pid)
            c.ok(10 <= p["max_green_ratio"] <= 20, "green " + pid)
            c.ok(p["max_admin_ratio"] == 7, "admin " + pid)
            c.ok(0.05 <= p["max_energy_tce_per_wan"] <= 0.6, "energy " + pid)
        else:
            c.ok(lu.startswith("13") and p["status"] in ("in_use", "reserved"),
                 "utility land parcel " + pid)
        if p["leveling"] == "done":
            c.ok(p.get("leveling_date", "9999") <= TODAY, "leveling done in the past " + pid)
        elif p["leveling"] == "in_progress":
            c.ok("2026-12-01" <= p.get("leveling_date", "") <= "2029-12-31",
                 "leveling in progress date " + pid)
        else:
            c.ok(p["leveling"] == "not_started", "leveling value " + pid)
            if "leveling_date" in p:
                c.ok(p["leveling_date"] > TODAY, "leveling not started date " + pid)
        if p["status"] in ("in_use", "transferred"):
            c.ok(p["leveling"] == "done", "built/sold parcel not leveled " + pid)
        c.ok(inside_margin(r, boundary) >= 1.0, "parcel inside boundary " + pid)
        c.ok(p["zone"] in zones and inside_margin(r, zones[p["zone"]]) >= 1.0,
             "parcel inside its zone " + pid)
        for code, ring in ips.items():
            if p.get("industrial_park") == code:
                c.ok(inside_margin(r, ring) >= 1.0, "parcel inside its industrial park " + pid)
            else:
                c.ok(overlap_area(r, ring) < 1e-6, "parcel overlaps another park %s %s" %
                     (code, pid))
        for code, ring in cor_rings.items():
            c.ok(poly_poly_dist(r, ring) >= 1.0, "parcel too close to corridor %s %s" % (code, pid))
        rb = bbox(r)
        for rid, rp, pts in roads:
            half = rp["red_line_width_m"] / 2.0
            if not bb_hit(rb, bbox(pts), half + 5):
                continue
            dd = poly_seg_dist(r, pts[0], pts[-1]) - half
            min_clear = min(min_clear, dd)
            c.ok(dd >= 1.0, "parcel %s within red line of %s (%.2f m)" % (pid, rid, dd))
    c.notes.append("minimum parcel clearance beyond a red line: %.3f m" % min_clear)
    for s in ("planned", "available", "reserved", "transferred", "in_use"):
        c.ok(stat.get(s, 0) > 0, "parcel status present: " + s)
    for s in ("done", "in_progress", "not_started"):
        c.ok(lev.get(s, 0) > 0, "leveling value present: " + s)
    c.ok(stat.get("available", 0) >= 40, "plenty of available parcels")
    c.ok(any(p["leveling"] == "not_started" and "leveling_date" not in p for _, p, _ in parcels),
         "some not_started parcels without a date")
    c.notes.append("parcel status counts: %s; leveling: %s" % (stat, lev))
    # no overlaps
    pb = [bbox(r) for _, _, r in parcels]
    worst = 0.0
    for i in range(len(parcels)):
        for j in range(i + 1, len(parcels)):
            if bb_hit(pb[i], pb[j], 0.01):
                ov = overlap_area(parcels[i][2], parcels[j][2])
                worst = max(worst, ov)
                c.ok(ov < 0.01, "parcels overlap %s %s (%.4f m2)" % (parcels[i][0], parcels[j][0],
                                                                      ov))
    c.notes.append("largest parcel-parcel overlap area: %.6f m2" % worst)
    # shared edges: every vertex lying on another parcel's edge is also a vertex of it
    for i in range(len(parcels)):
        vi = set(parcels[i][2])
        for j in range(len(parcels)):
            if i == j or not bb_hit(pb[i], pb[j], 0.01):
                continue
            r = parcels[j][2]
            for q in r:
                if q in vi:
                    continue
                on_edge = any(pt_seg(q, parcels[i][2][k], parcels[i][2][(k + 1) % len(parcels[i][2])]) < 0.01
                              for k in range(len(parcels[i][2])))
                c.ok(not on_edge, "T-junction between %s and %s" % (parcels[i][0], parcels[j][0]))
    # the ~40 mu parcel on a planned road
    planned_roads = [(rp, pts) for _, rp, pts in roads if rp["status"] == "planned"]
    forty = []
    for pid, p, r in parcels:
        a = abs(area(r)) / MU
        if 35 <= a <= 45 and any(poly_seg_dist(r, pts[0], pts[-1]) <= rp["red_line_width_m"] / 2
                                 + 5 for rp, pts in planned_roads):
            forty.append((pid, p["code"], round(a, 2), p["status"]))
    c.ok(len(forty) >= 1, "a ~40 mu parcel fronting a planned road")
    c.notes.append("~40 mu parcels fronting a planned road: %s" % forty[:6])

    # ---- facilities
    facs = []
    for ft in feats["facilities.geojson"]:
        p = ft["properties"]
        facs.append((ft["id"], p, tuple(ft["geometry"]["coordinates"])))
        c.ok(p["kind"] in ("sewage_plant", "water_plant", "storm_outfall", "substation",
                           "gas_station", "heat_source", "telecom_exchange"), "facility kind")
        c.ok(p["status"] in STATUSES, "facility status " + ft["id"])
        c.ok(isinstance(p["capacity"], (int, float)) and isinstance(p["capacity_unit"], str),
             "facility capacity " + ft["id"])
        c.ok(point_in_poly(from_lonlat(ft["geometry"]["coordinates"]), boundary),
             "facility inside park " + ft["id"])
    sew = [f for f in facs if f[1]["name"] == "甘亭污水处理厂"]
    c.ok(len(sew) == 1 and sew[0][1]["kind"] == "sewage_plant" and sew[0][1]["status"] == "existing"
         and sew[0][1]["completion_date"] == "2024-12-31"
         and sew[0][1]["name_en"] == "Ganting Sewage Treatment Plant", "甘亭污水处理厂 properties")
    if sew:
        sp = from_lonlat(sew[0][2])
        cx = (bb[0] + bb[2]) / 2
        cy = (bb[1] + bb[3]) / 2
        c.ok(sp[0] < cx and sp[1] < cy, "sewage plant on the south-west side")

    # ---- utility lines
    ulines = []
    for ft in feats["utility-lines.geojson"]:
        p = ft["properties"]
        ulines.append((ft["id"], p, [tuple(q) for q in ft["geometry"]["coordinates"]]))
        c.ok(p["utility"] in UTILITIES, "utility value " + ft["id"])
        c.ok(p["status"] in STATUSES, "utility status " + ft["id"])
        for k in ("name", "spec", "completion_date"):
            c.ok(isinstance(p.get(k), str), "utility %s %s" % (k, ft["id"]))
    by_u = {}
    for ul in ulines:
        by_u.setdefault(ul[1]["utility"], []).append(ul)
    c.ok(sorted(by_u) == sorted(UTILITIES), "all 8 utilities present")
    for u, lst in sorted(by_u.items()):
        srcs = {f[2]: f[1]["status"] for f in facs if f[1]["kind"] == SOURCE_KIND[u]}
        verts = {q for _, _, pts in lst for q in pts}
        on = [s for s in srcs if s in verts]
        c.ok(on, "no %s source on a vertex of its network" % u)
        ends = {q for _, _, pts in lst for q in (pts[0], pts[-1])}
        c.ok(all(s in ends for s in on), "%s source not at a line end point" % u)
        check_network(c, u, [(i, p["status"], [from_lonlat(q) for q in pts]) for i, p, pts in lst],
                      {from_lonlat(s): st for s, st in srcs.items()}, strict_single=True)
    tele = [f for f in facs if f[1]["kind"] == "telecom_exchange"]
    for f in tele:
        tv = {q for _, _, pts in by_u.get("telecom", []) for q in pts}
        bv = {q for _, _, pts in by_u.get("broadband", []) for q in pts}
        c.ok(f[2] in tv and f[2] in bv, "telecom exchange on a telecom+broadband vertex")
    # inside a road red line, same-utility crossings only at vertices, status vs road
    rsegs = [(rp, pts[0], pts[-1], bbox(pts)) for _, rp, pts in roads]
    for uid, p, pts in ulines:
        mp = [from_lonlat(q) for q in pts]
        for k in range(len(mp) - 1):
            a, b = mp[k], mp[k + 1]
            L = math.hypot(b[0] - a[0], b[1] - a[1])
            nstep = max(1, int(L // 10))
            for s in range(nstep + 1):
                q = (a[0] + (b[0] - a[0]) * s / nstep, a[1] + (b[1] - a[1]) * s / nstep)
                best = min(pt_seg(q, r0, r1) - rp["red_line_width_m"] / 2
                           for rp, r0, r1, rb in rsegs
                           if rb[0] - 40 <= q[0] <= rb[2] + 40 and rb[1] - 40 <= q[1] <= rb[3] + 40)
                c.ok(best <= -0.5, "utility line %s leaves the road red line" % uid)
        # status against the road it runs along
        mid = ((mp[0][0] + mp[-1][0]) / 2, (mp[0][1] + mp[-1][1]) / 2)
        host = [(pt_seg(mid, r0, r1), rp) for rp, r0, r1, rb in rsegs
                if pt_seg(mid, r0, r1) <= rp["red_line_width_m"] / 2]
        if host and L > 2:
            rp = min(host, key=lambda t: t[0])[1]
            c.ok(RANK[p["status"]] >= RANK[rp["status"]], "utility %s more built than its road" % uid)
            if rp["status"] != "existing":
                c.ok(p["completion_date"] >= rp["completion_date"],
                     "utility %s completes before its road" % uid)
        if p["status"] == "existing":
            c.ok(p["completion_date"] <= TODAY, "existing utility in the future " + uid)
        else:
            c.ok(p["completion_date"] > TODAY, "unbuilt utility dated in the past " + uid)
    for u, lst in by_u.items():
        for i in range(len(lst)):
            a = [from_lonlat(q) for q in lst[i][2]]
            ba = bbox(a)
            for j in range(i + 1, len(lst)):
                b = [from_lonlat(q) for q in lst[j][2]]
                if not bb_hit(ba, bbox(b), 0.01):
                    continue
                if seg_intersect(a[0], a[-1], b[0], b[-1]):
                    shared = set(lst[i][2]) & set(lst[j][2])
                    c.ok(bool(shared), "%s lines cross without a shared vertex %s %s" %
                         (u, lst[i][0], lst[j][0]))

    # ---- frontage: every parcel fronts a road; which utilities lie in a fronting road
    full = 0
    for pid, p, r in parcels:
        rb = bbox(r)
        front = [(rp, a, b) for rp, a, b, sb in rsegs if bb_hit(rb, sb, 40)
                 and poly_seg_dist(r, a, b) <= rp["red_line_width_m"] / 2 + 5]
        c.ok(bool(front), "parcel %s fronts no road" % pid)
        got = set()
        for u, lst in by_u.items():
            for _, _, pts in lst:
                a, b = from_lonlat(pts[0]), from_lonlat(pts[-1])
                if not bb_hit(rb, bbox([a, b]), 40):
                    continue
                dd = poly_seg_dist(r, a, b)
                if any(dd <= rp["red_line_width_m"] / 2 + 10 and
                       pt_seg(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), a0, b0) <=
                       rp["red_line_width_m"] / 2 for rp, a0, b0 in front):
                    got.add(u)
                    break
        full += len(got) == len(UTILITIES)
    c.notes.append("parcels with all 8 utilities (any status) in a fronting road within "
                   "half red line + 10 m: %d of %d" % (full, len(parcels)))

    # ---- factory buildings
    fbs = feats["factory-buildings.geojson"]
    c.ok(10 <= len(fbs) <= 20, "10-20 factory buildings")
    pmap = {p["code"]: (pid, p, r) for pid, p, r in parcels}
    fb_codes = [ft["properties"]["code"] for ft in fbs]
    c.ok(len(set(fb_codes)) == len(fb_codes), "factory building codes unique")
    for ft in fbs:
        p = ft["properties"]
        r = open_ring(ft["geometry"]["coordinates"][0])
        c.ok(p["status"] in ("planned", "under_construction", "available", "leased", "sold"),
             "building status " + ft["id"])
        c.ok(isinstance(p["floors"], int) and 1 <= p["floors"] <= 4, "floors " + ft["id"])
        c.ok(abs(p["building_area_m2"] - abs(area(r)) * p["floors"]) <= 0.01 *
             p["building_area_m2"], "building area " + ft["id"])
        c.ok(p["parcel_code"] in pmap, "building parcel " + ft["id"])
        if p["parcel_code"] in pmap:
            c.ok(inside_margin(r, pmap[p["parcel_code"]][2]) >= 10.0, "building setback " + ft["id"])
        if p["status"] in ("available", "leased", "sold"):
            c.ok(p["completion_date"] <= TODAY, "built building date " + ft["id"])
        else:
            c.ok(p["completion_date"] > TODAY, "unbuilt building date " + ft["id"])
    for i in range(len(fbs)):
        for j in range(i + 1, len(fbs)):
            c.ok(overlap_area(open_ring(fbs[i]["geometry"]["coordinates"][0]),
                              open_ring(fbs[j]["geometry"]["coordinates"][0])) < 1e-6,
                 "buildings overlap")

    if verbose:
        for nline in c.notes:
            print("note:", nline)
        if c.errors:
            print("FAILED: %d problem(s)" % len(c.errors))
            for e in c.errors[:60]:
                print("  -", e)
        else:
            print("all checks passed")
    return not c.errors


def check_network(c, label, lines, sources, strict_single):
    """lines: (id, status, [pts]); sources: {pt: status}.  Union-find on exact vertices:
    (1) with strict_single, all lines form one network that contains a source;
    (2) each line of rank r reaches a source of rank <= r through lines of rank <= r."""
    for rank in (0, 1, 2):
        parent = {}

        def find(x):
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a, b):
            parent[find(a)] = find(b)

        for _, st, pts in lines:
            if RANK[st] <= rank:
                for q in pts[1:]:
                    union(pts[0], q)
        good = {find(s) for s, st in sources.items() if RANK[st] <= rank and s in parent}
        for lid, st, pts in lines:
            if RANK[st] <= rank:
                c.ok(find(pts[0]) in good, "%s: %s (%s) has no path to a source through lines "
                     "at least as built" % (label, lid, st))
        if rank == 2 and strict_single:
            roots = {find(pts[0]) for _, _, pts in lines}
            c.ok(len(roots) == 1, "%s: %d separate networks" % (label, len(roots)))


if __name__ == "__main__":
    sys.exit(0 if run_all() else 1)
