#!/usr/bin/env python3
"""Generate the ILLUSTRATIVE ParkAtlas sample dataset for 甘亭新型工业园区.

No public map of the park's layout exists: everything written here is a plausible invented layout,
not survey data.  A park replaces these layers with its own surveyed ones.

The layout is designed in metres in EPSG:4546 (CGCS2000 / 3-degree Gauss-Kruger CM 111E) as
offsets from a local origin, then converted to [lon, lat] with an exact Transverse Mercator inverse
(Krueger series to n^6).  Standard library only, deterministic: running it twice gives byte-identical
files.  After writing, the rule checks in check.py are run against the written files.

Usage:  python3 geodata/generate.py
"""

import math
import os
import random
import sys

OUT_DIR = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------------------------
# Projection: CGCS2000 3-degree Gauss-Kruger, central meridian 111E (EPSG:4546), Krueger series
# --------------------------------------------------------------------------------------------
_A = 6378137.0
_F = 1.0 / 298.257222101
_K0 = 1.0
_LON0 = math.radians(111.0)
_FE = 500000.0
_FN = 0.0
_E2 = _F * (2.0 - _F)
_E = math.sqrt(_E2)
_n = _F / (2.0 - _F)
_RA = _A / (1.0 + _n) * (1.0 + _n ** 2 / 4.0 + _n ** 4 / 64.0 + _n ** 6 / 256.0)
_ALPHA = (
    _n / 2 - 2 * _n ** 2 / 3 + 5 * _n ** 3 / 16 + 41 * _n ** 4 / 180 - 127 * _n ** 5 / 288
    + 7891 * _n ** 6 / 37800,
    13 * _n ** 2 / 48 - 3 * _n ** 3 / 5 + 557 * _n ** 4 / 1440 + 281 * _n ** 5 / 630
    - 1983433 * _n ** 6 / 1935360,
    61 * _n ** 3 / 240 - 103 * _n ** 4 / 140 + 15061 * _n ** 5 / 26880 + 167603 * _n ** 6 / 181440,
    49561 * _n ** 4 / 161280 - 179 * _n ** 5 / 168 + 6601661 * _n ** 6 / 7257600,
    34729 * _n ** 5 / 80640 - 3418889 * _n ** 6 / 1995840,
    212378941 * _n ** 6 / 319334400,
)
_BETA = (
    _n / 2 - 2 * _n ** 2 / 3 + 37 * _n ** 3 / 96 - _n ** 4 / 360 - 81 * _n ** 5 / 512
    + 96199 * _n ** 6 / 604800,
    _n ** 2 / 48 + _n ** 3 / 15 - 437 * _n ** 4 / 1440 + 46 * _n ** 5 / 105
    - 1118711 * _n ** 6 / 3870720,
    17 * _n ** 3 / 480 - 37 * _n ** 4 / 840 - 209 * _n ** 5 / 4480 + 5569 * _n ** 6 / 90720,
    4397 * _n ** 4 / 161280 - 11 * _n ** 5 / 504 - 830251 * _n ** 6 / 7257600,
    4583 * _n ** 5 / 161280 - 108847 * _n ** 6 / 3991680,
    20648693 * _n ** 6 / 638668800,
)


def tm_forward(lat_deg, lon_deg):
    """Geographic CGCS2000 (degrees) -> EPSG:4546 (easting, northing) in metres."""
    phi = math.radians(lat_deg)
    lam = math.radians(lon_deg) - _LON0
    sphi = math.sin(phi)
    t = math.sinh(math.atanh(sphi) - _E * math.atanh(_E * sphi))
    xi_p = math.atan2(t, math.cos(lam))
    eta_p = math.atanh(math.sin(lam) / math.sqrt(1.0 + t * t))
    xi, eta = xi_p, eta_p
    for j, a in enumerate(_ALPHA, start=1):
        xi += a * math.sin(2 * j * xi_p) * math.cosh(2 * j * eta_p)
        eta += a * math.cos(2 * j * xi_p) * math.sinh(2 * j * eta_p)
    return _FE + _K0 * _RA * eta, _FN + _K0 * _RA * xi


def tm_inverse(easting, northing):
    """EPSG:4546 (easting, northing) in metres -> geographic CGCS2000 (lat, lon) in degrees."""
    xi = (northing - _FN) / (_K0 * _RA)
    eta = (easting - _FE) / (_K0 * _RA)
    xi_p, eta_p = xi, eta
    for j, b in enumerate(_BETA, start=1):
        xi_p -= b * math.sin(2 * j * xi) * math.cosh(2 * j * eta)
        eta_p -= b * math.cos(2 * j * xi) * math.sinh(2 * j * eta)
    chi = math.asin(math.sin(xi_p) / math.cosh(eta_p))
    lam = math.atan2(math.sinh(eta_p), math.cos(xi_p))
    phi = chi
    for _ in range(30):
        s = math.sin(phi)
        nxt = 2.0 * math.atan(((1 + _E * s) / (1 - _E * s)) ** (_E / 2.0)
                              * math.tan(math.pi / 4 + chi / 2)) - math.pi / 2
        if abs(nxt - phi) < 1e-15:
            phi = nxt
            break
        phi = nxt
    return math.degrees(phi), math.degrees(lam + _LON0)


def check_projection():
    e, n = tm_forward(36.17, 111.62)
    assert abs(e - 555782) <= 1.0 and abs(n - 4004584) <= 1.0, (e, n)
    lat, lon = tm_inverse(555782.0, 4004584.0)
    assert abs(lat - 36.17) < 1e-5 and abs(lon - 111.62) < 1e-5, (lat, lon)
    for (ee, nn) in ((553800.0, 4002850.0), (558200.0, 4006000.0), (556000.0, 4004000.0)):
        la, lo = tm_inverse(ee, nn)
        e2, n2 = tm_forward(la, lo)
        assert abs(e2 - ee) < 1e-4 and abs(n2 - nn) < 1e-4, (ee, nn, e2, n2)


# Local design frame: x = E - E0, y = N - N0 (metres in EPSG:4546).
E0, N0 = 556000.0, 4004000.0


def to_lonlat(p):
    lat, lon = tm_inverse(E0 + p[0], N0 + p[1])
    return [round(lon, 7), round(lat, 7)]


def from_lonlat(c):
    e, n = tm_forward(c[1], c[0])
    return (e - E0, n - N0)


def snap(v):
    v = round(v, 3)
    return 0.0 if v == 0 else v


# --------------------------------------------------------------------------------------------
# The park frame
# --------------------------------------------------------------------------------------------
X_W, X_E, Y_S, Y_N = -2200.0, 2200.0, -1150.0, 2000.0
DIAG_K = 2850.0                   # south-east corner cut (airport side): x - y <= 2850
X_Z12, X_Z23 = -600.0, 1300.0     # zone borders (on road centrelines of 经二路 / 经四路)
C1_X = -2000.0                    # Fen River ecological corridor: X_W .. C1_X
C2_Y0, C2_Y1 = 1240.0, 1340.0     # northern infrastructure corridor
MARGIN_ROAD = 3.0                 # parcel edge beyond the red line
MARGIN_BOUNDARY = 5.0
MARGIN_CORRIDOR = 3.0
DIAG_INSET_K = DIAG_K - MARGIN_BOUNDARY * math.sqrt(2.0)

BOUNDARY = [(-2200, -1150), (-2000, -1150), (-600, -1150), (1300, -1150), (1700, -1150),
            (2200, -650), (2200, 1240), (2200, 1340), (2200, 2000), (1300, 2000), (-600, 2000),
            (-2000, 2000), (-2200, 2000)]


def on_boundary(p, tol=1e-6):
    ring = BOUNDARY + [BOUNDARY[0]]
    for a, b in zip(ring, ring[1:]):
        if seg_point_dist(a, b, p) <= tol:
            return True
    return False


def seg_point_dist(a, b, p):
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / L))
    return math.hypot(ax + t * dx - p[0], ay + t * dy - p[1])


# --------------------------------------------------------------------------------------------
# Roads: axis-aligned centrelines, one entry per named piece with one status
# --------------------------------------------------------------------------------------------
class Road:
    def __init__(self, name, name_en, grade, width, orient, c, a, b, status, date, phase=None,
                 outfall=False):
        self.name, self.name_en, self.grade, self.width = name, name_en, grade, width
        self.orient, self.c, self.a, self.b = orient, float(c), float(a), float(b)
        self.status, self.date, self.phase, self.outfall = status, date, phase, outfall

    def pt(self, s):
        return (s, self.c) if self.orient == "h" else (self.c, s)


EX, UC, PL = "existing", "under_construction", "planned"
ROADS = [
    # --- east-west ---
    Road("南外环西延", "South Outer Ring Road West Extension", "arterial", 50, "h", -850, -2200, -600,
         PL, "2028-10-31", "南外环西延"),
    Road("南外环", "South Outer Ring Road", "arterial", 50, "h", -850, -600, 650, EX, "2017-10-31",
         "南外环一期"),
    Road("南外环东延", "South Outer Ring Road East Extension", "arterial", 50, "h", -850, 650, 2000,
         EX, "2021-10-30", "南外环东延"),
    Road("纬一路", "Wei 1st Road", "secondary", 30, "h", -420, -2200, -1950, EX, "2019-08-31",
         outfall=True),
    Road("纬一路", "Wei 1st Road", "secondary", 30, "h", -420, -1950, -600, EX, "2019-08-31"),
    Road("纬一路", "Wei 1st Road", "secondary", 30, "h", -420, -600, 1300, EX, "2018-07-31"),
    Road("纬一路", "Wei 1st Road", "secondary", 30, "h", -420, 1300, 1900, UC, "2027-09-30",
         "纬一路东段"),
    Road("纬二路", "Wei 2nd Road", "secondary", 24, "h", 0, -1950, -600, PL, "2029-06-30"),
    Road("纬二路", "Wei 2nd Road", "secondary", 24, "h", 0, -600, 1900, EX, "2020-10-31"),
    Road("中央大道西延", "Central Avenue West Extension", "arterial", 50, "h", 400, -2200, -600, UC,
         "2027-06-30", "中央大道西延", outfall=True),
    Road("中央大道", "Central Avenue", "arterial", 50, "h", 400, -600, 2200, EX, "2016-11-30"),
    Road("纬四路", "Wei 4th Road", "secondary", 30, "h", 820, -1950, -600, UC, "2027-05-31",
         "纬四路西段"),
    Road("纬四路", "Wei 4th Road", "secondary", 30, "h", 820, -600, 1900, EX, "2021-06-30"),
    Road("纬五路", "Wei 5th Road", "secondary", 24, "h", 1220, -1950, -600, PL, "2029-10-31"),
    Road("纬五路", "Wei 5th Road", "secondary", 24, "h", 1220, -600, 1300, EX, "2022-09-30"),
    Road("纬五路", "Wei 5th Road", "secondary", 24, "h", 1220, 1300, 1900, PL, "2028-06-30"),
    Road("北环路", "North Ring Road", "secondary", 30, "h", 1650, -1950, -600, PL, "2030-06-30"),
    Road("北环路", "North Ring Road", "secondary", 30, "h", 1650, -600, 650, EX, "2023-08-31"),
    Road("北环路", "North Ring Road", "secondary", 30, "h", 1650, 650, 1900, UC, "2027-10-31",
         "北环路东段"),
    Road("环保路", "Huanbao Road", "branch", 18, "h", -640, -1300, -600, EX, "2021-04-30"),
    Road("新材路", "Xincai Road", "branch", 20, "h", -640, 0, 650, EX, "2020-08-31"),
    Road("新材路", "Xincai Road", "branch", 20, "h", -640, 650, 1300, UC, "2027-08-31", "新材路东段"),
    Road("物流路", "Wuliu Road", "branch", 18, "h", -640, 1300, 1900, PL, "2027-06-30"),
    Road("新能路", "Xinneng Road", "branch", 20, "h", 1020, -600, 650, EX, "2022-10-31"),
    Road("新能路", "Xinneng Road", "branch", 20, "h", 1020, 650, 1300, PL, "2027-12-31"),
    # --- north-south ---
    Road("汾河东路", "Fenhe East Road", "secondary", 30, "v", -1950, -850, 400, EX, "2023-09-30"),
    Road("汾河东路", "Fenhe East Road", "secondary", 30, "v", -1950, 400, 1650, PL, "2029-06-30"),
    Road("经一路", "Jing 1st Road", "secondary", 24, "v", -1300, -850, 400, EX, "2020-05-31"),
    Road("经一路", "Jing 1st Road", "secondary", 24, "v", -1300, 400, 1650, PL, "2028-12-31"),
    Road("经二路", "Jing 2nd Road", "secondary", 30, "v", -600, -850, 1650, EX, "2018-09-30"),
    Road("甘亭大道", "Ganting Avenue", "arterial", 45, "v", 0, -1150, 2000, EX, "2015-10-31"),
    Road("经三路", "Jing 3rd Road", "secondary", 30, "v", 650, -850, 1650, EX, "2019-06-30"),
    Road("经四路", "Jing 4th Road", "secondary", 24, "v", 1300, -850, 820, EX, "2020-09-30"),
    Road("经四路", "Jing 4th Road", "secondary", 24, "v", 1300, 820, 1650, UC, "2027-10-31",
         "经四路北段"),
    Road("经五路", "Jing 5th Road", "secondary", 30, "v", 1900, -850, 400, EX, "2022-05-31"),
    Road("经五路", "Jing 5th Road", "secondary", 30, "v", 1900, 400, 2000, PL, "2028-06-30",
         "经五路北延"),
    Road("智造路", "Zhizao Road", "branch", 20, "v", -950, -420, 0, EX, "2020-06-30"),
    Road("智造路", "Zhizao Road", "branch", 20, "v", -950, 0, 820, UC, "2027-09-30", "智造路北段"),
    Road("光电路", "Guangdian Road", "branch", 20, "v", 325, -850, 400, EX, "2019-10-31"),
    Road("数港路", "Shugang Road", "branch", 20, "v", 1600, 0, 820, EX, "2023-06-30"),
    Road("绿廊路", "Lülang Road", "branch", 18, "v", -950, 1220, 1650, PL, "2029-06-30"),
]


class Seg:
    """One road segment between consecutive intersections (or a park-edge end)."""

    def __init__(self, road, s0, s1):
        self.road, self.s0, self.s1 = road, s0, s1
        self.p0, self.p1 = road.pt(s0), road.pt(s1)
        self.gw0, self.gw1 = on_boundary(self.p0), on_boundary(self.p1)
        self.gateway = self.gw0 or self.gw1


def split_roads():
    segs = []
    for r in ROADS:
        cuts = {r.a, r.b}
        for o in ROADS:
            if o.orient != r.orient and r.a < o.c < r.b and o.a <= r.c <= o.b:
                cuts.add(o.c)
        cuts = sorted(cuts)
        for s0, s1 in zip(cuts, cuts[1:]):
            segs.append(Seg(r, s0, s1))
    return segs


# --------------------------------------------------------------------------------------------
# Utilities: every utility runs on the road network translated by (d, d); for axis-aligned roads
# that is a constant perpendicular offset d, and every shared road vertex becomes a shared vertex.
# --------------------------------------------------------------------------------------------
UTILITIES = ["water", "sewer", "storm", "power", "gas", "heat", "telecom", "broadband"]
OFFSET = {"power": -6.0, "telecom": -5.0, "broadband": -4.0, "heat": -2.5, "water": -1.0,
          "storm": 1.5, "gas": 4.0, "sewer": 6.0}     # metres; + = north/east of the centreline
UNAME = {"water": "给水管", "sewer": "污水管", "storm": "雨水管", "power": "10kV电力管线",
         "gas": "燃气管", "heat": "热力管", "telecom": "通信管道", "broadband": "宽带光缆"}
UNAME_EN = {"water": "water main", "sewer": "sewer", "storm": "storm drain", "power": "10 kV power line",
            "gas": "gas main", "heat": "heat main", "telecom": "telecom duct", "broadband": "fibre cable"}
SPEC = {
    "water": {"arterial": "DN600", "secondary": "DN400", "branch": "DN300"},
    "sewer": {"arterial": "DN800", "secondary": "DN600", "branch": "DN400"},
    "storm": {"arterial": "DN1500", "secondary": "DN1200", "branch": "DN800"},
    "power": {"arterial": "10 kV", "secondary": "10 kV", "branch": "10 kV"},
    "gas": {"arterial": "中压A", "secondary": "中压A", "branch": "中压A"},
    "heat": {"arterial": "DN600", "secondary": "DN400", "branch": "DN300"},
    "telecom": {"arterial": "24芯", "secondary": "24芯", "branch": "12芯"},
    "broadband": {"arterial": "144芯", "secondary": "96芯", "branch": "48芯"},
}
GATEWAY_TRIM = 20.0     # utility mains stop this far short of the park edge
HEAT_EAST_PLAN = "2027-10-31"   # heat network east of 经四路 is still planned


def utilities_on(seg):
    r = seg.road
    if r.orient == "h" and max(seg.s0, seg.s1) <= -1950:      # crossing the Fen River corridor
        return ["storm"] if r.outfall else []
    if r.grade == "branch":
        return [u for u in UTILITIES if u != "heat"]
    return list(UTILITIES)


def utility_geometry(seg, u):
    d = OFFSET[u]
    pts = []
    for p, gw, other in ((seg.p0, seg.gw0, seg.p1), (seg.p1, seg.gw1, seg.p0)):
        x, y = p[0] + d, p[1] + d
        if gw:
            if seg.road.orient == "h":
                x = p[0] + (GATEWAY_TRIM if other[0] > p[0] else -GATEWAY_TRIM)
            else:
                y = p[1] + (GATEWAY_TRIM if other[1] > p[1] else -GATEWAY_TRIM)
        pts.append((snap(x), snap(y)))
    return pts


RANK = {EX: 0, UC: 1, PL: 2}


def utility_status(seg, u):
    r = seg.road
    if u == "heat" and min(seg.p0[0], seg.p1[0]) >= X_Z23 and not (r.orient == "v" and r.c == X_Z23):
        if RANK[r.status] < RANK[PL]:
            return PL, HEAT_EAST_PLAN
        return PL, max(r.date, HEAT_EAST_PLAN)
    return r.status, r.date


# --------------------------------------------------------------------------------------------
# Small geometry helpers (metre frame)
# --------------------------------------------------------------------------------------------
def ring_area(ring):
    s = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def ccw(ring):
    return ring if ring_area(ring) > 0 else list(reversed(ring))


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def clip_diag(ring, k):
    """Clip a convex CCW ring made of axis-aligned/diagonal edges by the half-plane x - y <= k.
    Intersections are computed analytically so that neighbours get identical vertices."""
    out = []
    n = len(ring)
    for i in range(n):
        p, q = ring[i], ring[(i + 1) % n]
        pin, qin = p[0] - p[1] <= k, q[0] - q[1] <= k
        if pin:
            out.append(p)
        if pin != qin:
            if p[0] == q[0]:
                out.append((p[0], snap(p[0] - k)))
            elif p[1] == q[1]:
                out.append((snap(p[1] + k), p[1]))
            else:
                raise ValueError("unexpected edge")
    return [(snap(x), snap(y)) for x, y in out]


def dedupe(ring):
    out = []
    for p in ring:
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def insert_t_vertices(rings):
    """Insert into each ring the vertices of the other rings lying on its edges (no T-junctions),
    so that neighbouring parcels share identical edge vertices."""
    allpts = sorted({p for r in rings for p in r})
    result = []
    for r in rings:
        new = []
        for i in range(len(r)):
            a, b = r[i], r[(i + 1) % len(r)]
            new.append(a)
            on = []
            for p in allpts:
                if p == a or p == b:
                    continue
                if seg_point_dist(a, b, p) < 1e-6:
                    t = ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1]))
                    on.append((t, p))
            new.extend(p for _, p in sorted(on))
        result.append(new)
    return result


# --------------------------------------------------------------------------------------------
# Planning layers
# --------------------------------------------------------------------------------------------
ZONES = [
    ("Z1", "西部生态制造区", "West Eco-manufacturing Zone",
     "依托汾河生态廊道和甘亭污水处理厂，布局绿色智造、节能环保产业及污水处理、供热等公用设施，靠汾河一侧以生态防护为主。",
     [(-2200, -1150), (-2000, -1150), (-600, -1150), (-600, 2000), (-2000, 2000), (-2200, 2000)]),
    ("Z2", "中部新材料新能源区", "Central New Materials and New Energy Zone",
     "园区核心制造板块，沿中央大道和甘亭大道布局光电新材料、新能源产业，配套供水、燃气和电力设施。",
     [(-600, -1150), (1300, -1150), (1300, 2000), (-600, 2000)]),
    ("Z3", "东部数字经济与物流区", "East Digital Economy and Logistics Zone",
     "临近机场和南外环东延出入口，布局数字经济、现代物流和综合服务功能，设通信枢纽。",
     [(1300, -1150), (1700, -1150), (2200, -650), (2200, 1240), (2200, 1340), (2200, 2000),
      (1300, 2000)]),
]

CORRIDORS = [
    ("C1", "汾河生态廊道", "Fen River Ecological Corridor", "ecological", 200,
     "沿园区西缘汾河东岸设置的生态廊道，宽约200米，承担滨河防护绿化、雨洪调蓄和雨水排口消能，不安排建设用地。",
     [(-2200, -1150), (-2000, -1150), (-2000, 1240), (-2000, 1340), (-2000, 2000), (-2200, 2000)]),
    ("C2", "北部绿色基础设施廊道", "Northern Green Infrastructure Corridor", "infrastructure", 100,
     "220千伏高压线路与次高压燃气管道共用的东西向走廊，宽约100米，两侧种植防护林带，走廊内不安排建设用地。",
     [(-2000, 1240), (2200, 1240), (2200, 1340), (-2000, 1340)]),
]

AXES = [
    ("A1", "中央大道发展轴", "Central Avenue Development Axis", "中央大道", "h", 400, -2200, 2200,
     "东西向主发展轴，东接园区东出入口，西延段跨汾河生态廊道连接汾河西岸，串联三个功能区。"),
    ("A2", "南外环发展轴", "South Outer Ring Development Axis", "南外环", "h", -850, -2200, 2000,
     "沿南外环的东西向发展轴，东延段已通车，西延段规划建设，带动园区南部产业和物流用地。"),
    ("A3", "甘亭大道南北发展轴", "Ganting Avenue North-South Development Axis", "甘亭大道", "v", 0,
     -1150, 2000, "南北向发展轴，北连甘亭镇区，南通机场方向，是园区对外联系的主通道。"),
]

IPARKS = [
    ("IP1", "绿色智造产业园", "Green Smart Manufacturing Park", "green_smart_manufacturing", "Z1",
     (-1950, 0, -600, 1220)),
    ("IP2", "光电新材料产业园", "Optoelectronic New Materials Park", "optoelectronic_materials", "Z2",
     (-600, -850, 1300, 0)),
    ("IP3", "新能源产业园", "New Energy Park", "new_energy", "Z2", (-600, 400, 1300, 1220)),
    ("IP4", "节能环保产业园", "Energy Saving and Environmental Protection Park",
     "energy_saving_environmental", "Z1", (-1950, -850, -600, 0)),
    ("IP5", "数字经济产业园", "Digital Economy Park", "digital_economy", "Z3", (1300, 0, 2200, 820)),
]
IP_INSET = 2.0


def ip_rect(ip):
    x0, y0, x1, y1 = ip[5]
    return rect(x0 + IP_INSET, y0 + IP_INSET, x1 - IP_INSET, y1 - IP_INSET)


# Standard-land control indicators keyed by industry (a park would key these by industry and zone):
# investment, output, tax (万元/亩), min FAR, max FAR, max building density %, max green %, tce/万元
INDICATORS = {
    "green_smart_manufacturing": (220, 320, 12, 1.0, 1.8, 60, 15, 0.30),
    "optoelectronic_materials": (260, 380, 15, 1.0, 1.6, 55, 15, 0.45),
    "new_energy": (240, 350, 13, 0.9, 1.6, 55, 15, 0.40),
    "energy_saving_environmental": (180, 280, 10, 0.8, 1.5, 50, 15, 0.35),
    "digital_economy": (300, 400, 20, 1.2, 2.0, 40, 20, 0.08),
    "general": (180, 300, 10, 0.9, 1.6, 55, 15, 0.30),
    "logistics": (150, 250, 8, 0.7, 1.5, 45, 10, 0.05),
}

# --------------------------------------------------------------------------------------------
# Blocks and parcels
# --------------------------------------------------------------------------------------------
PROFILES = {
    "developed": [("in_use", 0.45), ("transferred", 0.30), ("available", 0.25)],
    "ready": [("available", 0.55), ("reserved", 0.20), ("transferred", 0.25)],
    "frontier": [("available", 0.45), ("reserved", 0.15), ("planned", 0.40)],
    "future": [("planned", 0.75), ("available", 0.25)],
}


class Block:
    def __init__(self, key, xw, xe, ys, yn, profile, nx=(2, 2), ny=2, ycuts=None, xcuts=None,
                 insets=None, cells=None, landuse=None):
        self.key, self.xw, self.xe, self.ys, self.yn = key, xw, xe, ys, yn
        self.profile, self.nx, self.ny = profile, nx, ny
        self.ycuts, self.xcuts = ycuts, xcuts
        self.insets = insets or {}
        self.cells = cells or {}
        self.landuse = landuse


def side_inset(block, side):
    if side in block.insets:
        return block.insets[side]
    if side in ("w", "e"):
        c = block.xw if side == "w" else block.xe
        lo, hi, orient = block.ys, block.yn, "v"
    else:
        c = block.ys if side == "s" else block.yn
        lo, hi, orient = block.xw, block.xe, "h"
    ws = [r.width for r in ROADS if r.orient == orient and r.c == c
          and min(r.b, hi) - max(r.a, lo) > 0]
    assert ws, ("no road on side", block.key, side)
    return max(ws) / 2.0 + MARGIN_ROAD


B_ = MARGIN_BOUNDARY
C_ = MARGIN_CORRIDOR
Z_ = 3.0        # half of the green gap left on a zone border that no road follows
FAC = "facility"


def blocks():
    bl = []
    add = bl.append
    # R1: south of 南外环 (boundary on the south side)
    add(Block("R1-Z1", -2000, -600, -1150, -850, "future", ny=1,
              xcuts=[[-1780, -1560, -1340, -1120, -1020, -780]],
              insets={"w": C_, "e": Z_, "s": B_},
              cells={(0, 4): {"status": "available", "leveling": "done", "standard_land": True,
                              "leveling_date": "2025-05-31", "land_use": "100101"}}))
    add(Block("R1-Z2w", -600, 0, -1150, -850, "developed", nx=(3,), ny=1,
              insets={"w": Z_, "s": B_}))
    add(Block("R1-Z2e", 0, 1300, -1150, -850, "developed", nx=(5,), ny=1,
              insets={"e": Z_, "s": B_}))
    add(Block("R1-Z3", 1300, 2200, -1150, -850, "ready", ny=1, xcuts=[[1480, 1700]],
              insets={"w": Z_, "s": B_, "e": B_}, landuse="logistics"))
    # R2: 南外环 .. 纬一路
    add(Block("a-R2", -1950, -1300, -850, -420, "developed",
              cells={(0, 0): {FAC: "sewage"}}))
    add(Block("b-R2s", -1300, -600, -850, -640, "developed", nx=(3,), ny=1,
              cells={(0, 2): {FAC: "heat"}}))
    add(Block("b-R2n", -1300, -600, -640, -420, "developed", nx=(2,), ny=1))
    add(Block("c-R2", -600, 0, -850, -420, "developed", nx=(3, 2)))
    add(Block("d1-R2s", 0, 325, -850, -640, "developed", nx=(1,), ny=1))
    add(Block("d1-R2n", 0, 325, -640, -420, "developed", nx=(2,), ny=1))
    add(Block("d2-R2s", 325, 650, -850, -640, "developed", nx=(2,), ny=1))
    add(Block("d2-R2n", 325, 650, -640, -420, "developed", nx=(1,), ny=1))
    add(Block("e-R2s", 650, 1300, -850, -640, "ready", nx=(2,), ny=1))
    add(Block("e-R2n", 650, 1300, -640, -420, "ready", nx=(3,), ny=1))
    add(Block("f-R2s", 1300, 1900, -850, -640, "frontier", nx=(2,), ny=1, landuse="logistics"))
    add(Block("f-R2n", 1300, 1900, -640, -420, "frontier", nx=(2,), ny=1, landuse="logistics"))
    # g column: between 经五路 and the east edge (corner cut by the diagonal)
    add(Block("g-S", 1900, 2200, -850, 400, "ready", nx=(1,) * 6, ny=6,
              ycuts=[-620, -420, -210, (-5, 5), 187], insets={"e": B_},
              cells={(5, 0): {FAC: "substation2"}}))
    add(Block("g-N", 1900, 2200, 400, 1240, "frontier", nx=(1,) * 4, ny=4,
              ycuts=[620, (815, 825), 1030], insets={"e": B_, "n": C_},
              cells={(2, 0): {"status": "planned"}, (3, 0): {"status": "planned"}}))
    add(Block("g-NN", 1900, 2200, 1340, 2000, "future", nx=(1,) * 3, ny=3,
              insets={"e": B_, "s": C_, "n": B_}))
    # R3: 纬一路 .. 纬二路
    add(Block("a-R3", -1950, -1300, -420, 0, "ready"))
    add(Block("b1-R3", -1300, -950, -420, 0, "ready", nx=(1, 1)))
    add(Block("b2-R3", -950, -600, -420, 0, "ready", nx=(1, 1)))
    add(Block("c-R3", -600, 0, -420, 0, "developed", nx=(2, 3)))
    add(Block("d1-R3", 0, 325, -420, 0, "developed", nx=(1, 1)))
    add(Block("d2-R3", 325, 650, -420, 0, "developed", nx=(1, 1),
              cells={(1, 0): {"status": "in_use", "fb": (3, "sold")}}))
    add(Block("e-R3", 650, 1300, -420, 0, "developed", nx=(3, 2)))
    add(Block("f-R3", 1300, 1900, -420, 0, "ready", landuse="logistics"))
    # R4: 纬二路 .. 中央大道
    add(Block("a-R4", -1950, -1300, 0, 400, "frontier",
              cells={(1, 1): {"status": "reserved", "fb": (2, "planned")}}))
    add(Block("b1-R4", -1300, -950, 0, 400, "frontier", nx=(1, 1)))
    add(Block("b2-R4", -950, -600, 0, 400, "frontier", nx=(1, 1)))
    add(Block("c-R4", -600, 0, 0, 400, "developed", nx=(3, 3)))
    add(Block("d1-R4", 0, 325, 0, 400, "developed", nx=(1, 1)))
    add(Block("d2-R4", 325, 650, 0, 400, "ready", nx=(1, 1)))
    add(Block("e-R4", 650, 1300, 0, 400, "ready"))
    add(Block("f1-R4", 1300, 1600, 0, 400, "ready", nx=(1, 1),
              cells={(1, 0): {FAC: "telecom"}}))
    add(Block("f2-R4", 1600, 1900, 0, 400, "ready", nx=(1, 1),
              cells={(0, 0): {"status": "in_use", "fb": (2, "leased")}}))
    # R5: 中央大道 .. 纬四路
    add(Block("a-R5", -1950, -1300, 400, 820, "frontier"))
    add(Block("b1-R5", -1300, -950, 400, 820, "frontier", nx=(1, 1)))
    add(Block("b2-R5", -950, -600, 400, 820, "frontier", nx=(1, 1)))
    add(Block("c-R5", -600, 0, 400, 820, "ready", nx=(2, 3)))
    add(Block("d-R5", 0, 650, 400, 820, "ready", nx=(2, 2),
              cells={(0, 1): {"status": "reserved", "fb": (3, "under_construction")}}))
    add(Block("e-R5", 650, 1300, 400, 820, "ready", nx=(2, 3)))
    add(Block("f1-R5", 1300, 1600, 400, 820, "ready", nx=(1, 1),
              cells={(0, 0): {"status": "in_use", "fb": (3, "available")},
                     (1, 0): {"status": "in_use", "fb": (2, "leased")}}))
    add(Block("f2-R5", 1600, 1900, 400, 820, "ready", nx=(1, 1)))
    # R6: 纬四路 .. 纬五路
    add(Block("a-R6", -1950, -1300, 820, 1220, "future"))
    add(Block("b-R6", -1300, -600, 820, 1220, "frontier", nx=(3, 2)))
    add(Block("c-R6s", -600, 0, 820, 1020, "ready", nx=(2,), ny=1))
    add(Block("c-R6n", -600, 0, 1020, 1220, "ready", nx=(3,), ny=1))
    add(Block("d-R6s", 0, 650, 820, 1020, "ready", nx=(3,), ny=1))
    add(Block("d-R6n", 0, 650, 1020, 1220, "ready", nx=(2,), ny=1))
    add(Block("e-R6s", 650, 1300, 820, 1020, "frontier", nx=(2,), ny=1))
    add(Block("e-R6n", 650, 1300, 1020, 1220, "frontier", nx=(3,), ny=1))
    add(Block("f-R6", 1300, 1900, 820, 1220, "frontier"))
    # R7: north of the infrastructure corridor, up to 北环路
    add(Block("a-R7", -1950, -1300, 1340, 1650, "future", nx=(3,), ny=1, insets={"s": C_}))
    add(Block("b1-R7", -1300, -950, 1340, 1650, "future", nx=(2,), ny=1, insets={"s": C_}))
    add(Block("b2-R7", -950, -600, 1340, 1650, "future", nx=(2,), ny=1, insets={"s": C_}))
    add(Block("c-R7", -600, 0, 1340, 1650, "frontier", nx=(3,), ny=1, insets={"s": C_}))
    add(Block("d-R7", 0, 650, 1340, 1650, "frontier", ny=1, xcuts=[[176, 482]], insets={"s": C_},
              cells={(0, 0): {FAC: "gas"}, (0, 2): {FAC: "substation"}}))
    add(Block("e-R7", 650, 1300, 1340, 1650, "frontier", nx=(3,), ny=1, insets={"s": C_}))
    add(Block("f-R7", 1300, 1900, 1340, 1650, "future", nx=(3,), ny=1, insets={"s": C_}))
    # R8: north of 北环路 (boundary on the north side)
    add(Block("R8-Z1", -2000, -600, 1650, 2000, "future", nx=(7,), ny=1,
              insets={"w": C_, "e": Z_, "n": B_}))
    add(Block("R8-Z2w", -600, 0, 1650, 2000, "frontier", ny=1, xcuts=[[-390, -206]],
              insets={"w": Z_, "n": B_}, cells={(0, 2): {FAC: "water"}}))
    add(Block("R8-Z2e", 0, 1300, 1650, 2000, "frontier", nx=(6,), ny=1,
              insets={"e": Z_, "n": B_}))
    add(Block("R8-Z3", 1300, 1900, 1650, 2000, "future", nx=(3,), ny=1,
              insets={"w": Z_, "n": B_}))
    return bl


def even_cuts(rng, lo, hi, n):
    if n <= 1:
        return []
    w = [rng.uniform(0.8, 1.2) for _ in range(n)]
    tot = sum(w)
    cuts, acc = [], lo
    for wi in w[:-1]:
        acc += (hi - lo) * wi / tot
        cuts.append(float(round(acc)))
    return cuts


def intervals(lo, hi, cuts):
    """cuts: numbers (shared edge) or (a, b) tuples (gap between a and b)."""
    out, cur = [], lo
    for c in cuts:
        if isinstance(c, tuple):
            out.append((cur, float(c[0])))
            cur = float(c[1])
        else:
            out.append((cur, float(c)))
            cur = float(c)
    out.append((cur, hi))
    return out


def block_cells(rng, b):
    x0 = b.xw + side_inset(b, "w")
    x1 = b.xe - side_inset(b, "e")
    y0 = b.ys + side_inset(b, "s")
    y1 = b.yn - side_inset(b, "n")
    if b.ycuts is not None:
        rows = intervals(y0, y1, b.ycuts)
    elif b.ny == 2:
        mid = round((y0 + y1) / 2 + rng.uniform(-0.06, 0.06) * (y1 - y0))
        rows = [(y0, float(mid)), (float(mid), y1)]
    else:
        rows = intervals(y0, y1, even_cuts(rng, y0, y1, b.ny))
    cells = []
    for j, (ya, yb) in enumerate(rows):
        if b.xcuts is not None:
            xc = b.xcuts[j] if j < len(b.xcuts) else b.xcuts[-1]
        else:
            xc = even_cuts(rng, x0, x1, b.nx[j])
        for i, (xa, xb) in enumerate(intervals(x0, x1, xc)):
            ring = rect(snap(xa), snap(ya), snap(xb), snap(yb))
            if max(p[0] - p[1] for p in ring) > DIAG_INSET_K:
                ring = clip_diag(ring, DIAG_INSET_K)
            ncol = len(xc) + 1
            spec = b.cells.get((j, i)) or b.cells.get((j, i - ncol)) or {}
            cells.append({"ring": dedupe(ring), "row": j, "col": i, "spec": spec,
                          "box": (xa, ya, xb, yb)})
    rings = insert_t_vertices([c["ring"] for c in cells])
    for c, r in zip(cells, rings):
        c["ring"] = ccw(r)
    return cells


def point_in_convex(p, ring):
    n = len(ring)
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        if (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) < -1e-9:
            return False
    return True


def zone_of(ring):
    for z in ZONES:
        if all(point_in_convex(p, ccw(z[4])) for p in ring):
            return z[0]
    raise ValueError("parcel not inside one zone")


def ip_of(ring):
    for ip in IPARKS:
        if all(point_in_convex(p, ip_rect(ip)) for p in ring):
            return ip
    return None


def month_end(y, m):
    nd = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return "%04d-%02d-%02d" % (y, m, nd)


def rand_month(rng, y0, m0, y1, m1):
    a, b = y0 * 12 + m0 - 1, y1 * 12 + m1 - 1
    k = rng.randint(a, b)
    return month_end(k // 12, k % 12 + 1)


def pick(rng, table):
    r = rng.random()
    acc = 0.0
    for v, p in table:
        acc += p
        if r < acc:
            return v
    return table[-1][0]


FACILITY_DEFS = {
    # key: name, name_en, kind, status, date, capacity, unit, land_use, utility, placement
    "sewage": ("甘亭污水处理厂", "Ganting Sewage Treatment Plant", "sewage_plant", EX, "2024-12-31",
               20000, "m³/d", "1302"),
    "water": ("甘亭园区供水厂", "Ganting Park Water Plant", "water_plant", EX, "2019-06-30", 30000,
              "m³/d", "1301"),
    "substation": ("甘亭110kV变电站", "Ganting 110 kV Substation", "substation", EX, "2018-12-31",
                   100, "MVA", "1303"),
    "substation2": ("甘亭东110kV变电站", "Ganting East 110 kV Substation", "substation", PL,
                    "2029-12-31", 126, "MVA", "1303"),
    "gas": ("甘亭燃气门站", "Ganting Gas Gate Station", "gas_station", EX, "2020-10-31", 20000,
            "m³/h", "1304"),
    "heat": ("甘亭园区热源厂", "Ganting Park Heat Source Plant", "heat_source", EX, "2021-11-15",
             210, "MW", "1305"),
    "telecom": ("甘亭通信枢纽", "Ganting Telecom Exchange", "telecom_exchange", EX, "2022-06-30",
                20000, "门", "1306"),
}


def landuse_for(rng, ip, block):
    if block.landuse == "logistics":
        return pick(rng, [("110101", 0.6), ("110102", 0.4)]), "logistics"
    if ip is None:
        return pick(rng, [("100101", 0.5), ("100102", 0.5)]), "general"
    ind = ip[3]
    table = {
        "green_smart_manufacturing": [("100101", 0.7), ("100102", 0.3)],
        "optoelectronic_materials": [("100101", 0.4), ("100102", 0.6)],
        "new_energy": [("100101", 0.2), ("100102", 0.5), ("100103", 0.3)],
        "energy_saving_environmental": [("100102", 0.5), ("100103", 0.5)],
        "digital_economy": [("100101", 1.0)],
    }[ind]
    return pick(rng, table), ind


def indicator_props(industry, land_use):
    inv, out, tax, fmin, fmax, dens, green, tce = INDICATORS[industry]
    if land_use == "100103":
        fmin, tce, dens = max(0.7, round(fmin - 0.2, 1)), min(0.6, round(tce + 0.15, 2)), dens + 5
    elif land_use == "100101" and industry not in ("digital_economy", "logistics"):
        tce = max(0.05, round(tce - 0.05, 2))
    return {
        "min_investment_wan_per_mu": inv, "min_output_wan_per_mu": out, "min_tax_wan_per_mu": tax,
        "min_far": fmin, "max_far": fmax, "max_building_density": dens, "max_green_ratio": green,
        "max_admin_ratio": 7, "max_energy_tce_per_wan": tce,
    }


# Illustrative reference land prices (万元/亩) for land still on offer, worked out without the random generator so
# that adding them changed nothing else: by land use, more towards the east (nearer the town and the expressway
# exit), more for standard land (its regional assessments done and paid for).
PRICE_BY_LAND_USE = {"100101": 16.0, "100102": 14.5, "100103": 13.0, "110101": 18.0, "110102": 17.0}
PRICE_ZONE_PREMIUM = {"Z1": 0.0, "Z2": 2.0, "Z3": 3.0}


def with_reference_price(props):
    if props.get("status") not in ("available", "reserved") or props.get("land_use") not in PRICE_BY_LAND_USE:
        return props
    price = PRICE_BY_LAND_USE[props["land_use"]] + PRICE_ZONE_PREMIUM.get(props.get("zone"), 0.0)
    if props.get("standard_land"):
        price += 1.5
    out = dict(props)
    out["reference_price_wan_per_mu"] = round(price * 2) / 2
    return out


# The regional assessments (区域评估) the park has done for the land, also worked out without the random generator. The
# park-wide planning EIA covers every parcel; standard land has the whole set done (which is what makes it standard
# land), plus seismic safety everywhere in the Fen valley, archaeology near the river (Z1) and traffic towards the
# expressway exit (Z3).
CORE_ASSESSMENTS = ["planning_eia", "energy", "flood", "soil_water", "water_resources", "minerals", "geohazard",
                    "seismic"]
ZONE_ASSESSMENTS = {"Z1": ["cultural_relics"], "Z2": [], "Z3": ["traffic"]}


def with_regional_assessments(props):
    out = dict(props)
    if props.get("standard_land"):
        out["regional_assessments"] = CORE_ASSESSMENTS + ZONE_ASSESSMENTS.get(props.get("zone"), [])
    else:
        out["regional_assessments"] = ["planning_eia"]
    return out


def make_parcels(rng):
    parcels = []
    fac_cells = {}
    counters = {"Z1": 0, "Z2": 0, "Z3": 0}
    for b in blocks():
        for c in block_cells(rng, b):
            ring, spec = c["ring"], c["spec"]
            zone = zone_of(ring)
            ip = ip_of(ring)
            counters[zone] += 1
            code = "GT-%s-%03d" % (zone, counters[zone])
            p = {"code": code}
            if FAC in spec:
                fd = FACILITY_DEFS[spec[FAC]]
                fac_cells[spec[FAC]] = c
                p["land_use"] = fd[7]
                p["status"] = "in_use" if fd[3] == EX else "reserved"
                p["zone"] = zone
                if ip:
                    p["industrial_park"] = ip[0]
                p["standard_land"] = False
                p["leveling"] = "done"
                y, m = int(fd[4][:4]), int(fd[4][5:7])
                p["leveling_date"] = month_end(y - 1, m) if fd[3] == EX else "2025-09-30"
                parcels.append({"props": p, "ring": ring, "cell": c})
                continue
            land_use, industry = landuse_for(rng, ip, b)
            status = spec.get("status") or pick(rng, PROFILES[b.profile])
            p["land_use"] = spec.get("land_use", land_use)
            p["status"] = status
            p["zone"] = zone
            if ip:
                p["industrial_park"] = ip[0]
            if status in ("available", "reserved"):
                std = rng.random() < 0.9
            elif status == "transferred":
                std = rng.random() < 0.5
            else:
                std = False
            p["standard_land"] = spec.get("standard_land", std)
            p.update(indicator_props(industry, p["land_use"]))
            # leveling (一平)
            if status in ("in_use", "transferred"):
                lev, ld = "done", rand_month(rng, 2017, 3, 2024, 10)
            elif status == "available":
                if rng.random() < 0.85:
                    lev, ld = "done", rand_month(rng, 2021, 3, 2025, 6)
                else:
                    lev, ld = "in_progress", rand_month(rng, 2026, 12, 2027, 12)
            elif status == "reserved":
                if rng.random() < 0.6:
                    lev, ld = "done", rand_month(rng, 2022, 3, 2025, 6)
                else:
                    lev, ld = "in_progress", rand_month(rng, 2026, 12, 2028, 6)
            else:
                r = rng.random()
                if r < 0.3:
                    lev, ld = "in_progress", rand_month(rng, 2027, 3, 2029, 6)
                elif r < 0.65:
                    lev, ld = "not_started", rand_month(rng, 2027, 6, 2029, 12)
                else:
                    lev, ld = "not_started", None
            if "fb" in spec and spec["fb"][1] in ("planned", "under_construction"):
                lev, ld = "done", "2025-04-30"
            lev = spec.get("leveling", lev)
            ld = spec.get("leveling_date", ld)
            p["leveling"] = lev
            if ld:
                p["leveling_date"] = ld
            parcels.append({"props": p, "ring": ring, "cell": c, "ip": ip})
    return parcels, fac_cells


# --------------------------------------------------------------------------------------------
# Facilities: each sits on a vertex of its utility, in the road beside its own site
# --------------------------------------------------------------------------------------------
def facility_points(fac_cells):
    def cy(c):
        return snap((c["box"][1] + c["box"][3]) / 2)

    def cx(c):
        return snap((c["box"][0] + c["box"][2]) / 2)

    pts = {
        "sewage": (-1950 + OFFSET["sewer"], cy(fac_cells["sewage"])),      # 汾河东路, east side
        "heat": (-600 + OFFSET["heat"], cy(fac_cells["heat"])),            # 经二路, west side
        "water": (0 + OFFSET["water"], cy(fac_cells["water"])),            # 甘亭大道, west side
        "gas": (0 + OFFSET["gas"], cy(fac_cells["gas"])),                  # 甘亭大道, east side
        "substation": (650 + OFFSET["power"], cy(fac_cells["substation"])),  # 经三路, west side
        "substation2": (cx(fac_cells["substation2"]), 400 + OFFSET["power"]),  # 中央大道 south
        "telecom": (cx(fac_cells["telecom"]), 400 + OFFSET["telecom"]),    # 中央大道 south
    }
    return {k: (snap(v[0]), snap(v[1])) for k, v in pts.items()}


FAC_UTILITY = {"sewage": "sewer", "heat": "heat", "water": "water", "gas": "gas",
               "substation": "power", "substation2": "power", "telecom": "telecom"}

OUTFALLS = [
    ("outfall1", "汾河1号雨水排口", "Fen River Storm Outfall No. 1", EX, "2019-08-31", 3.5,
     (X_W + GATEWAY_TRIM, -420 + OFFSET["storm"])),
    ("outfall2", "汾河2号雨水排口", "Fen River Storm Outfall No. 2", UC, "2027-06-30", 4.2,
     (X_W + GATEWAY_TRIM, 400 + OFFSET["storm"])),
]


def split_at(lines, u, p):
    """Split the line of utility u that passes through p (strictly inside) at p."""
    for i, ln in enumerate(lines):
        if ln["utility"] != u:
            continue
        a, b = ln["pts"][0], ln["pts"][-1]
        if p in (a, b):
            return
        if seg_point_dist(a, b, p) < 1e-9:
            l1 = dict(ln, pts=[a, p])
            l2 = dict(ln, pts=[p, b])
            lines[i:i + 1] = [l1, l2]
            return
    raise ValueError(("no %s line through" % u, p))


def make_utilities(segs, fpts):
    lines = []
    for s in segs:
        for u in utilities_on(s):
            st, dt = utility_status(s, u)
            lines.append({"utility": u, "name": s.road.name + UNAME[u],
                          "name_en": s.road.name_en + " " + UNAME_EN[u], "status": st,
                          "date": dt, "spec": SPEC[u][s.road.grade],
                          "pts": utility_geometry(s, u)})
    for k, u in FAC_UTILITY.items():
        split_at(lines, u, fpts[k])
    # the exchange serves broadband too: a 1 m broadband lead joins the broadband duct to it
    tp = fpts["telecom"]
    bp = (tp[0], snap(400 + OFFSET["broadband"]))
    split_at(lines, "broadband", bp)
    lines.append({"utility": "broadband", "name": "甘亭通信枢纽宽带接入光缆",
                  "name_en": "Ganting Telecom Exchange broadband lead", "status": EX,
                  "date": "2022-06-30", "spec": "288芯", "pts": [bp, tp]})
    return lines


# --------------------------------------------------------------------------------------------
# Standardized factory buildings
# --------------------------------------------------------------------------------------------
FB_SETBACK = 15.0
FB_GAP = 16.0
FB_FLOORS = {"available": 2, "leased": 1, "sold": 3, "under_construction": 4, "planned": 2}
FB_HEIGHT = {1: 12.0, 2: 15.0, 3: 19.5, 4: 24.0}
FB_DATES = {"available": "2023-12-31", "leased": "2022-10-31", "sold": "2021-09-30",
            "under_construction": "2027-10-31", "planned": "2027-12-31"}


def make_buildings(parcels):
    out = []
    counters = {}
    for pc in parcels:
        spec = pc["cell"]["spec"]
        if "fb" not in spec:
            continue
        n, status = spec["fb"]
        x0, y0, x1, y1 = pc["cell"]["box"]
        x0, y0, x1, y1 = x0 + FB_SETBACK, y0 + FB_SETBACK, x1 - FB_SETBACK, y1 - FB_SETBACK
        horizontal = (x1 - x0) >= (y1 - y0)
        long_len = (x1 - x0) if horizontal else (y1 - y0)
        short_len = (y1 - y0) if horizontal else (x1 - x0)
        length = min(120.0, math.floor(((long_len - (n - 1) * FB_GAP) / n) / 6.0) * 6.0)
        width = min(54.0, math.floor(short_len * 0.5 / 6.0) * 6.0)
        assert length >= 36 and width >= 24, (pc["props"]["code"], length, width)
        ip = pc["ip"]
        park = ip[1] if ip else "甘亭园区"
        for k in range(n):
            s = k * (length + FB_GAP)
            if horizontal:
                r = rect(x0 + s, y0, x0 + s + length, y0 + width)
            else:
                r = rect(x0, y0 + s, x0 + width, y0 + s + length)
            counters[park] = counters.get(park, 0) + 1
            st = status
            if status in ("available", "leased", "sold") and n > 1 and k == n - 1:
                st = {"available": "leased", "leased": "available", "sold": "leased"}[status]
            floors = FB_FLOORS[status] if k % 2 == 0 else max(1, FB_FLOORS[status] - 1)
            out.append({
                "ring": [(snap(a), snap(b_)) for a, b_ in r],
                "props": {
                    "code": None,
                    "name": "%s%d号标准化厂房" % (park, counters[park]),
                    "parcel_code": pc["props"]["code"],
                    "floors": floors,
                    "building_area_m2": round(length * width * floors, 1),
                    "height_m": FB_HEIGHT[floors],
                    "status": st,
                    "completion_date": FB_DATES[status],
                }})
    for i, b in enumerate(out, start=1):
        b["props"]["code"] = "FB-%02d" % i
    return out


# --------------------------------------------------------------------------------------------
# GeoJSON writing (compact coordinate pairs, 1-space indent, stable key order)
# --------------------------------------------------------------------------------------------
def _num(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return repr(v)
    return repr(v)


def _dump(o, ind):
    import json
    pad = " " * ind
    if isinstance(o, dict):
        if not o:
            return "{}"
        items = ["%s %s: %s" % (pad, json.dumps(k, ensure_ascii=False), _dump(v, ind + 1))
                 for k, v in o.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(o, list):
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in o):
            return "[" + ", ".join(_num(v) for v in o) + "]"
        items = [pad + " " + _dump(v, ind + 1) for v in o]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    if isinstance(o, str):
        return json.dumps(o, ensure_ascii=False)
    if o is None:
        raise ValueError("null not allowed")
    return _num(o)


def write_fc(fname, name, features):
    fc = {"type": "FeatureCollection", "name": name, "features": features}
    text = _dump(fc, 0) + "\n"
    with open(os.path.join(OUT_DIR, fname), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def feature(fid, props, geom):
    return {"type": "Feature", "id": fid, "properties": props, "geometry": geom}


def poly(ring):
    r = [to_lonlat(p) for p in ccw(ring)]
    r.append(r[0])
    return {"type": "Polygon", "coordinates": [r]}


def line(pts):
    return {"type": "LineString", "coordinates": [to_lonlat(p) for p in pts]}


def point(p):
    return {"type": "Point", "coordinates": to_lonlat(p)}


# --------------------------------------------------------------------------------------------
def build():
    check_projection()
    rng = random.Random(20240917)
    segs = split_roads()
    parcels, fac_cells = make_parcels(rng)
    fpts = facility_points(fac_cells)
    ulines = make_utilities(segs, fpts)
    buildings = make_buildings(parcels)
    out = {}

    out["park-boundary.geojson"] = ("park_boundary", [feature("park-boundary", {
        "name": "甘亭新型工业园区", "name_en": "Ganting New-type Industrial Park",
        "admin_code": "141024"}, poly(BOUNDARY))])

    out["corridors.geojson"] = ("corridors", [
        feature("corridor-" + c[0], {"code": c[0], "name": c[1], "name_en": c[2], "kind": c[3],
                                     "width_m": c[4], "description": c[5]}, poly(c[6]))
        for c in CORRIDORS])

    axes = []
    for code, name, name_en, road_name, orient, c, a, b, desc in AXES:
        cuts = {a, b}
        for r in ROADS:
            if r.orient != orient and a < r.c < b and r.a <= c <= r.b:
                cuts.add(r.c)
        pts = [(s, c) if orient == "h" else (c, s) for s in sorted(cuts)]
        axes.append(feature("axis-" + code, {"code": code, "name": name, "name_en": name_en,
                                             "road_name": road_name, "description": desc},
                            line(pts)))
    out["axes.geojson"] = ("axes", axes)

    out["zones.geojson"] = ("zones", [
        feature("zone-" + z[0], {"code": z[0], "name": z[1], "name_en": z[2], "function": z[3]},
                poly(z[4])) for z in ZONES])

    out["industrial-parks.geojson"] = ("industrial_parks", [
        feature("industrial-park-" + ip[0], {"code": ip[0], "name": ip[1], "name_en": ip[2],
                                             "industry": ip[3], "zone": ip[4],
                                             "target_output_yi": 100}, poly(ip_rect(ip)))
        for ip in IPARKS])

    out["parcels.geojson"] = ("parcels", [
        feature("parcel-%04d" % i, with_regional_assessments(with_reference_price(pc["props"])), poly(pc["ring"]))
        for i, pc in enumerate(parcels, start=1)])

    roads = []
    for i, s in enumerate(segs, start=1):
        r = s.road
        p = {"name": r.name, "name_en": r.name_en, "grade": r.grade, "status": r.status,
             "completion_date": r.date, "red_line_width_m": r.width}
        if r.phase:
            p["phase"] = r.phase
        p["gateway"] = s.gateway
        roads.append(feature("road-%04d" % i, p, line([s.p0, s.p1])))
    out["roads.geojson"] = ("roads", roads)

    out["utility-lines.geojson"] = ("utility_lines", [
        feature("utility-line-%04d" % i, {"name": ln["name"], "name_en": ln["name_en"], "utility": ln["utility"],
                                          "status": ln["status"], "completion_date": ln["date"],
                                          "spec": ln["spec"]}, line(ln["pts"]))
        for i, ln in enumerate(ulines, start=1)])

    facs = []
    order = ["sewage", "water", "substation", "substation2", "gas", "heat", "telecom"]
    for k in order:
        fd = FACILITY_DEFS[k]
        facs.append((fd[0], fd[1], fd[2], fd[3], fd[4], fd[5], fd[6], fpts[k]))
    for _, name, name_en, st, dt, cap, p in OUTFALLS:
        facs.append((name, name_en, "storm_outfall", st, dt, cap, "m³/s", p))
    out["facilities.geojson"] = ("facilities", [
        feature("facility-%02d" % i, {"name": f[0], "name_en": f[1], "kind": f[2], "status": f[3],
                                      "completion_date": f[4], "capacity": f[5],
                                      "capacity_unit": f[6]}, point(f[7]))
        for i, f in enumerate(facs, start=1)])

    out["factory-buildings.geojson"] = ("factory_buildings", [
        feature("factory-building-%02d" % i, b["props"], poly(b["ring"]))
        for i, b in enumerate(buildings, start=1)])
    out["context.geojson"] = ("context", context())
    return out


# The map's context around the park, display-only and illustrative like everything here: the Fen River west of its
# ecological corridor, Ganting town and the G108 national road to the north-east, the expressway and its exit to the
# east, and Linfen Yaodu airport to the south (the park's south-east corner is cut on the airport side).
def context():
    river = [(-2420, -5200), (-2330, -3600), (-2480, -2100), (-2360, -600), (-2300, 700), (-2440, 2100),
             (-2380, 3400), (-2520, 5200)]
    bank = 70.0
    river_ring = [(x + bank, y) for x, y in river] + [(x - bank, y) for x, y in reversed(river)]
    return [
        feature("context-fen-river", {"kind": "river", "name": "汾河", "name_en": "Fen River"},
                {"type": "Polygon", "coordinates": [[to_lonlat(p) for p in river_ring + [river_ring[0]]]]}),
        feature("context-ganting-town", {"kind": "town", "name": "甘亭镇", "name_en": "Ganting Town"},
                poly([(2550, 2250), (3650, 2250), (3650, 3450), (2550, 3450)])),
        feature("context-g108", {"kind": "national_road", "name": "G108 国道", "name_en": "G108 National Road"},
                line([(3050, -5200), (3000, -1800), (2950, 700), (3050, 2850), (3150, 5200)])),
        feature("context-expressway", {"kind": "expressway", "name": "高速公路", "name_en": "Expressway"},
                line([(4700, -5200), (4550, -1000), (4450, 1800), (4600, 5200)])),
        feature("context-expressway-exit", {"kind": "expressway_exit", "name": "甘亭高速出入口",
                                            "name_en": "Ganting expressway exit"}, point((4480, 600))),
        feature("context-airport", {"kind": "airport", "name": "临汾尧都机场", "name_en": "Linfen Yaodu Airport"},
                poly([(500, -4600), (3000, -4600), (3000, -2700), (500, -2700)])),
        feature("context-runway", {"kind": "runway", "name": "跑道", "name_en": "Runway"},
                line([(900, -3300), (2700, -3900)])),
    ]


FILES = ["park-boundary.geojson", "corridors.geojson", "axes.geojson", "zones.geojson",
         "industrial-parks.geojson", "parcels.geojson", "roads.geojson", "utility-lines.geojson",
         "facilities.geojson", "factory-buildings.geojson", "context.geojson"]


def main():
    out = build()
    assert sorted(out) == sorted(FILES)
    for fname in FILES:
        name, feats = out[fname]
        write_fc(fname, name, feats)
        print("wrote %-28s %4d features" % (fname, len(feats)))
    sys.path.insert(0, OUT_DIR)
    import check
    ok = check.run_all(OUT_DIR)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
