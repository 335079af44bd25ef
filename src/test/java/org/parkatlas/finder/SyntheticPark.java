package org.parkatlas.finder;

import org.locationtech.jts.geom.Coordinate;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A generated park far larger than Ganting, written as the seed folder ParkAtlas loads on first start
 * ({@code parkatlas.seed.location}): a square road grid of {@code blocks} × {@code blocks} blocks of 300 m, each
 * block one parcel of 93.75 mu, two of 46 mu or four of 23 mu (about 2.5 a block, so 200 × 200 blocks make some
 * 100 000 parcels), every road carrying all eight utilities in ten sections with their own status and date, one
 * source of each kind at the south-west corner, gateways on the west edge, three zones and five industrial parks in
 * vertical strips. Deterministic: the same size gives the same park.
 */
public final class SyntheticPark {

    // the park's measures and vocabularies, public for the province (scale/ProvinceBenchmark), whose parks are alike
    public static final double SPACING = 300;
    public static final double INSET = 25; // parcel edge to road centreline: within half a 40 m red line + 10 m
    public static final double GAP = 4;
    private static final double ORIGIN_X = 470_000;
    private static final double ORIGIN_Y = 3_970_000;
    public static final int SECTIONS = 10;
    public static final String[] UTILITIES = {"water", "sewer", "storm", "power", "gas", "heat", "telecom",
            "broadband"};
    public static final String[][] FACILITIES = {{"water_plant", "water"}, {"sewage_plant", "sewer"},
            {"storm_outfall", "storm"}, {"substation", "power"}, {"gas_station", "gas"}, {"heat_source", "heat"},
            {"telecom_exchange", "telecom"}};
    public static final String[] STATUSES = {"available", "available", "available", "available", "reserved",
            "reserved", "transferred", "in_use", "in_use", "planned"};
    public static final String[] LAND_USES = {"100101", "100101", "100102", "100102", "100103", "110101"};
    public static final String[] INDUSTRIES = {"green_smart_manufacturing", "optoelectronic_materials", "new_energy",
            "energy_saving_environmental", "digital_economy"};

    private final int blocks;
    private final Crs storage = CrsRegistry.bySrid(4546).orElseThrow();
    private int parcels;

    public SyntheticPark(int blocks) {
        if (blocks <= 0 || blocks % SECTIONS != 0) {
            throw new IllegalArgumentException("the grid is cut into " + SECTIONS + " sections: give a multiple of "
                    + SECTIONS + " blocks");
        }
        this.blocks = blocks;
    }

    /** Writes the layers into {@code folder} and returns how many parcels there are. */
    public int write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(20261201);
        double size = blocks * SPACING;
        layer(folder, "park-boundary", out -> feature(out, "boundary", "{\"name\":\"合成园区\",\"name_en\":\"Synthetic "
                + "park\"}", polygon(0, 0, size, size)));
        layer(folder, "zones", out -> {
            for (int z = 0; z < 3; z++) {
                feature(out, "zone-Z" + (z + 1), "{\"code\":\"Z" + (z + 1) + "\",\"name\":\"分区" + (z + 1) + "\"}",
                        polygon(size * z / 3, 0, size * (z + 1) / 3, size));
            }
        });
        layer(folder, "industrial-parks", out -> {
            for (int p = 0; p < 5; p++) {
                feature(out, "industrial-park-IP" + (p + 1), "{\"code\":\"IP" + (p + 1) + "\",\"name\":\"产业园" + (p + 1)
                        + "\",\"industry\":\"" + INDUSTRIES[p] + "\"}", polygon(size * p / 5 + 2, 2,
                        size * (p + 1) / 5 - 2, size - 2));
            }
        });
        layer(folder, "roads", out -> grid(out, random, false));
        layer(folder, "utility-lines", out -> grid(out, random, true));
        layer(folder, "facilities", out -> {
            for (int f = 0; f < FACILITIES.length; f++) {
                Coordinate c = lonLat(-60 - 20 * f, -60);
                feature(out, "facility-" + f, "{\"name\":\"" + FACILITIES[f][0] + "\",\"kind\":\"" + FACILITIES[f][0]
                        + "\",\"status\":\"existing\",\"completion_date\":\"2019-06-30\"}", "{\"type\":\"Point\","
                        + "\"coordinates\":[" + number(c.x) + "," + number(c.y) + "]}");
            }
        });
        layer(folder, "parcels", out -> {
            for (int i = 0; i < blocks; i++) {
                for (int j = 0; j < blocks; j++) {
                    block(out, random, i, j);
                }
            }
        });
        return parcels;
    }

    private void block(BufferedWriter out, Random random, int i, int j) throws IOException {
        double x0 = i * SPACING + INSET;
        double y0 = j * SPACING + INSET;
        double inner = SPACING - 2 * INSET;
        int roll = random.nextInt(10);
        int split = roll < 3 ? 1 : roll < 6 ? 2 : 4;
        for (int k = 0; k < split; k++) {
            double w = split == 1 ? inner : (inner - GAP) / 2;
            double h = split == 4 ? (inner - GAP) / 2 : inner;
            double x = x0 + (k % 2) * (w + GAP);
            double y = y0 + (split == 4 ? (k / 2) * (h + GAP) : 0);
            parcels++;
            String status = STATUSES[random.nextInt(STATUSES.length)];
            boolean standard = random.nextBoolean();
            int leveling = random.nextInt(4);
            String levelingState = leveling < 2 ? "done" : leveling == 2 ? "in_progress" : "not_started";
            String levelingDate = leveling < 2 ? (2018 + random.nextInt(8)) + "-06-30"
                    : (2026 + random.nextInt(4)) + "-12-31";
            StringBuilder p = new StringBuilder(400);
            p.append("{\"code\":\"S-").append(i).append('-').append(j).append('-').append(k)
                    .append("\",\"land_use\":\"").append(LAND_USES[random.nextInt(LAND_USES.length)])
                    .append("\",\"status\":\"").append(status).append("\",\"standard_land\":").append(standard)
                    .append(",\"min_investment_wan_per_mu\":").append(150 + 10 * random.nextInt(16))
                    .append(",\"min_tax_wan_per_mu\":").append(8 + random.nextInt(13))
                    .append(",\"min_output_wan_per_mu\":").append(250 + 10 * random.nextInt(16))
                    .append(",\"min_far\":").append(number1(0.7 + 0.1 * random.nextInt(4)))
                    .append(",\"max_far\":").append(number1(1.4 + 0.1 * random.nextInt(5)))
                    .append(",\"max_building_density\":55,\"max_green_ratio\":15,\"max_admin_ratio\":7")
                    .append(",\"leveling\":\"").append(levelingState).append("\",\"leveling_date\":\"")
                    .append(levelingDate).append('"');
            if (status.equals("available") || status.equals("reserved")) {
                p.append(",\"reference_price_wan_per_mu\":").append(14 + random.nextInt(10));
            }
            p.append('}');
            feature(out, "parcel-" + parcels, p.toString(), polygon(x, y, x + w, y + h));
        }
    }

    /** Every grid line in ten sections; as roads, or as one line per utility along each road. */
    private void grid(BufferedWriter out, Random random, boolean utilities) throws IOException {
        Random dates = new Random(7); // the same status and date for a road and its lines, whatever is written first
        double size = blocks * SPACING;
        double section = size / SECTIONS;
        for (int line = 0; line <= blocks; line++) {
            for (int direction = 0; direction < 2; direction++) {
                for (int s = 0; s < SECTIONS; s++) {
                    int roll = dates.nextInt(10);
                    String status = roll < 7 ? "existing" : roll < 9 ? "under_construction" : "planned";
                    String date = roll < 7 ? (2015 + dates.nextInt(10)) + "-10-31"
                            : (2026 + dates.nextInt(4)) + "-06-30";
                    double a = s * section;
                    double b = (s + 1) * section;
                    double c = line * SPACING;
                    String geometry = gridLine(direction == 0, c, a, b);
                    String id = (direction == 0 ? "h" : "v") + line + "-" + s;
                    String common = "\"status\":\"" + status + "\",\"completion_date\":\"" + date + "\"";
                    if (!utilities) {
                        boolean gateway = direction == 0 && line % 40 == 0 && s == 0;
                        feature(out, "road-" + id, "{\"name\":\"路" + id + "\",\"name_en\":\"Road " + id
                                + "\",\"grade\":\"secondary\"," + common + ",\"red_line_width_m\":40,\"gateway\":"
                                + gateway + "}", geometry);
                    } else {
                        for (String utility : UTILITIES) {
                            feature(out, utility + "-" + id, "{\"name\":\"" + utility + " " + id + "\",\"utility\":\""
                                    + utility + "\"," + common + "}", geometry);
                        }
                    }
                }
            }
        }
        // the sources sit south-west of the grid: one short main from each to the grid's first crossing
        if (utilities) {
            for (int f = 0; f < FACILITIES.length; f++) {
                feature(out, "feeder-" + f, "{\"name\":\"feeder " + f + "\",\"utility\":\"" + FACILITIES[f][1]
                        + "\",\"status\":\"existing\",\"completion_date\":\"2019-06-30\"}",
                        lineString(-60 - 20 * f, -60, 0, 0));
            }
            feature(out, "feeder-broadband", "{\"name\":\"feeder broadband\",\"utility\":\"broadband\",\"status\":"
                    + "\"existing\",\"completion_date\":\"2019-06-30\"}", lineString(-60 - 20 * 6, -60, 0, 0));
        }
    }

    private interface Body {
        void write(BufferedWriter out) throws IOException;
    }

    private boolean first;

    private void layer(Path folder, String id, Body body) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(id + ".geojson"), StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            first = true;
            body.write(out);
            out.write("\n]}\n");
        }
    }

    private void feature(BufferedWriter out, String id, String properties, String geometry) throws IOException {
        if (!first) {
            out.write(",\n");
        }
        first = false;
        out.write("{\"type\":\"Feature\",\"id\":\"" + id + "\",\"properties\":" + properties + ",\"geometry\":"
                + geometry + "}");
    }

    private String polygon(double x1, double y1, double x2, double y2) {
        double[][] ring = {{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}, {x1, y1}};
        StringBuilder g = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int n = 0; n < ring.length; n++) {
            Coordinate c = lonLat(ring[n][0], ring[n][1]);
            g.append(n == 0 ? "" : ",").append('[').append(number(c.x)).append(',').append(number(c.y)).append(']');
        }
        return g.append("]]}").toString();
    }

    private String lineString(double x1, double y1, double x2, double y2) {
        Coordinate a = lonLat(x1, y1);
        Coordinate b = lonLat(x2, y2);
        return "{\"type\":\"LineString\",\"coordinates\":[[" + number(a.x) + "," + number(a.y) + "],[" + number(b.x)
                + "," + number(b.y) + "]]}";
    }

    /** A section of a grid line with a vertex at every crossing, where the networks connect (UtilityNetwork). */
    private String gridLine(boolean eastWest, double at, double from, double to) {
        StringBuilder g = new StringBuilder("{\"type\":\"LineString\",\"coordinates\":[");
        int steps = (int) Math.round((to - from) / SPACING);
        for (int n = 0; n <= steps; n++) {
            double along = from + n * SPACING;
            Coordinate c = eastWest ? lonLat(along, at) : lonLat(at, along);
            g.append(n == 0 ? "" : ",").append('[').append(number(c.x)).append(',').append(number(c.y)).append(']');
        }
        return g.append("]}").toString();
    }

    private Coordinate lonLat(double x, double y) {
        return Reprojector.transform(new Coordinate(ORIGIN_X + x, ORIGIN_Y + y), storage, Crs.CRS84);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.8f", value);
    }

    private static String number1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
