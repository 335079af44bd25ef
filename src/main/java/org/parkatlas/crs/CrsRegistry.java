package org.parkatlas.crs;

import java.util.List;
import java.util.Optional;

/** The coordinate reference systems ParkAtlas supports, looked up by OGC URI or by {@code EPSG:n} code. */
public final class CrsRegistry {

    private static final List<Crs> SUPPORTED = List.of(Crs.CRS84, Crs.WGS84, Crs.CGCS2000, Crs.CGCS2000_GK_CM_111E,
            Crs.WEB_MERCATOR);

    private CrsRegistry() {
    }

    public static List<Crs> supported() {
        return SUPPORTED;
    }

    public static Optional<Crs> bySrid(int srid) {
        return SUPPORTED.stream().filter(c -> c.srid() == srid).findFirst();
    }

    /**
     * Finds a CRS by its OGC URI (bare, or in angle brackets as the {@code Content-Crs} header writes it), a safe
     * CURIE ({@code [EPSG:4546]}) or {@code EPSG:4546}.
     */
    public static Optional<Crs> find(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = reference.trim();
        if (ref.startsWith("[") && ref.endsWith("]") || ref.startsWith("<") && ref.endsWith(">")) {
            ref = ref.substring(1, ref.length() - 1);
        }
        String candidate = ref;
        if (candidate.equalsIgnoreCase("CRS84") || candidate.equalsIgnoreCase("OGC:CRS84")) {
            return Optional.of(Crs.CRS84);
        }
        return SUPPORTED.stream()
                .filter(c -> c.uri().equals(candidate) || c.label().equalsIgnoreCase(candidate))
                .findFirst();
    }
}
