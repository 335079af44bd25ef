package org.parkatlas.readiness;

import org.parkatlas.catalog.Label;

import java.time.LocalDate;
import java.util.List;

/**
 * How far a parcel is from "start building the day you get the land" (拿地即开工), in five tiers in the spirit of
 * the US certified-site programmes (Virginia's Business Ready Sites tiers 1–5), defined by ParkAtlas from its own
 * data as of a day — never typed in:
 * <ol>
 *   <li><b>Planned</b> (规划地块): on the plan; the site is not leveled yet.</li>
 *   <li><b>Leveled</b> (场地已平整): 场地平整 is met.</li>
 *   <li><b>Partly serviced</b> (基本配套): leveled, and a road, water and power reach it — enough to open a site.</li>
 *   <li><b>Fully serviced</b> (七通一平, or 九通一平 under that standard): every item of the standard is met.</li>
 *   <li><b>Building ready</b> (厂房可用): fully serviced, with a standardized factory building on it available.</li>
 * </ol>
 */
public final class ReadinessTier {

    public static final int PLANNED = 1;
    public static final int LEVELED = 2;
    public static final int PARTLY_SERVICED = 3;
    public static final int FULLY_SERVICED = 4;
    public static final int BUILDING_READY = 5;

    private ReadinessTier() {
    }

    /**
     * The tier of a parcel on {@code day}.
     *
     * @param buildingAvailableFrom the day a standardized factory building on it became (or becomes) available, or
     *                              null when there is none
     */
    public static int of(ParcelReadiness readiness, LocalDate day, LocalDate buildingAvailableFrom) {
        if (readiness.readyOn(day)) {
            return buildingAvailableFrom != null && !buildingAvailableFrom.isAfter(day) ? BUILDING_READY
                    : FULLY_SERVICED;
        }
        if (!met(readiness, ReadinessItem.LEVELING, day)) {
            return PLANNED;
        }
        return met(readiness, ReadinessItem.ROAD, day) && met(readiness, ReadinessItem.WATER, day)
                && met(readiness, ReadinessItem.POWER, day) ? PARTLY_SERVICED : LEVELED;
    }

    /** The tiers' names, 1 to 5; the fourth names the standard the park works to. */
    public static List<Label> labels(String standard) {
        return List.of(Label.of("规划地块", "Planned"), Label.of("场地已平整", "Leveled"),
                Label.of("基本配套", "Partly serviced"),
                "nine".equals(standard) ? Label.of("九通一平", "Fully serviced (nine)")
                        : Label.of("七通一平", "Fully serviced (seven)"),
                Label.of("厂房可用", "Building ready"));
    }

    private static boolean met(ParcelReadiness readiness, ReadinessItem item, LocalDate day) {
        ItemAssessment assessment = readiness.item(item);
        return assessment != null && assessment.metOn(day);
    }
}
