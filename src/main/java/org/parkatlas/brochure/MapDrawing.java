package org.parkatlas.brochure;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * A brochure's map: the parcel among its neighbours, the roads, the utility lines and facilities near it, drawn as
 * vector shapes from the geometries in the storage CRS (metres, so a scale bar is exact), the parcel outlined in the
 * finder's magenta. Drawn on any Graphics2D; the brochure's is PDFBox's, which writes PDF paths.
 */
final class MapDrawing {

    /** One thing to draw: its geometry (storage CRS), fill (or null), line colour and width in points. */
    record Shape(Geometry geometry, Color fill, Color line, float width) {
    }

    private static final Color PAPER = new Color(0xF3, 0xF2, 0xEC);
    private static final Color HIGHLIGHT = new Color(0xCC, 0x1E, 0x6B);

    private final Envelope extent;
    private final List<Shape> shapes;
    private final Geometry parcel;

    MapDrawing(Envelope extent, List<Shape> shapes, Geometry parcel) {
        this.extent = extent;
        this.shapes = shapes;
        this.parcel = parcel;
    }

    /** Draws the map into a {@code width} × {@code height} box at the origin of {@code g}. */
    void draw(Graphics2D g, double width, double height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double scale = Math.min(width / extent.getWidth(), height / extent.getHeight());
        double offsetX = (width - extent.getWidth() * scale) / 2;
        double offsetY = (height - extent.getHeight() * scale) / 2;
        Projection to = c -> new double[]{offsetX + (c.x - extent.getMinX()) * scale,
                offsetY + (extent.getMaxY() - c.y) * scale};
        g.setColor(PAPER);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        g.setClip(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        for (Shape shape : shapes) {
            draw(g, shape, to);
        }
        draw(g, new Shape(parcel, null, HIGHLIGHT, 2.5f), to);
        g.setClip(null);
        scaleBar(g, width, height, scale);
        g.setColor(new Color(0x5F, 0x6B, 0x76));
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
    }

    private interface Projection {
        double[] apply(Coordinate c);
    }

    private static void draw(Graphics2D g, Shape shape, Projection to) {
        Geometry geometry = shape.geometry();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                ring(path, polygon.getExteriorRing(), to);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    ring(path, polygon.getInteriorRingN(h), to);
                }
                if (shape.fill() != null) {
                    g.setColor(shape.fill());
                    g.fill(path);
                }
                stroke(g, shape, path);
            } else if (part instanceof LineString line) {
                Path2D path = new Path2D.Double();
                Coordinate[] cs = line.getCoordinates();
                for (int k = 0; k < cs.length; k++) {
                    double[] p = to.apply(cs[k]);
                    if (k == 0) {
                        path.moveTo(p[0], p[1]);
                    } else {
                        path.lineTo(p[0], p[1]);
                    }
                }
                stroke(g, shape, path);
            } else if (part instanceof Point point) {
                double[] p = to.apply(point.getCoordinate());
                Ellipse2D dot = new Ellipse2D.Double(p[0] - 3, p[1] - 3, 6, 6);
                g.setColor(shape.fill() == null ? shape.line() : shape.fill());
                g.fill(dot);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(0.8f));
                g.draw(dot);
            }
        }
    }

    private static void stroke(Graphics2D g, Shape shape, java.awt.Shape path) {
        if (shape.line() != null && shape.width() > 0) {
            g.setColor(shape.line());
            g.setStroke(new BasicStroke(shape.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }
    }

    private static void ring(Path2D path, LineString ring, Projection to) {
        Coordinate[] cs = ring.getCoordinates();
        for (int k = 0; k < cs.length; k++) {
            double[] p = to.apply(cs[k]);
            if (k == 0) {
                path.moveTo(p[0], p[1]);
            } else {
                path.lineTo(p[0], p[1]);
            }
        }
        path.closePath();
    }

    /** A bar of a round length (100, 200, 500 m …) near a fifth of the map's width, bottom left. */
    private static void scaleBar(Graphics2D g, double width, double height, double scale) {
        double target = width / 5 / scale;
        double metres = 10;
        for (double step : new double[]{10, 20, 50, 100, 200, 500, 1000, 2000, 5000}) {
            if (step <= target) {
                metres = step;
            }
        }
        double length = metres * scale;
        double x = 8;
        double y = height - 10;
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(x - 3, y - 9, length + 6, 13));
        g.setColor(new Color(0x1F, 0x29, 0x33));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new java.awt.geom.Line2D.Double(x, y, x + length, y));
        g.draw(new java.awt.geom.Line2D.Double(x, y - 3, x, y));
        g.draw(new java.awt.geom.Line2D.Double(x + length, y - 3, x + length, y));
        g.setFont(g.getFont().deriveFont(7f));
        g.drawString((metres >= 1000 ? (int) (metres / 1000) + " km" : (int) metres + " m"), (float) (x + 2),
                (float) (y - 2));
    }
}
