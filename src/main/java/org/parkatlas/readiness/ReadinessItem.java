package org.parkatlas.readiness;

import org.parkatlas.catalog.Label;

import java.util.List;

/**
 * One item of 七通一平 / 九通一平: a connection up to the parcel's red line (通路, 通给水 …), or the leveling inside
 * it (场地平整, the 一平). Each utility item names the utility lines it is served by and the kind of facility they
 * must reach.
 */
public enum ReadinessItem {
    ROAD("road", "通路", "Road", null, null),
    WATER("water", "通给水", "Water", "water", "water_plant"),
    SEWER("sewer", "通排水", "Sewer", "sewer", "sewage_plant"),
    POWER("power", "通电", "Power", "power", "substation"),
    TELECOM("telecom", "通讯", "Telecom", "telecom", "telecom_exchange"),
    GAS("gas", "通燃气", "Gas", "gas", "gas_station"),
    HEAT("heat", "通热力", "Heat", "heat", "heat_source"),
    STORM("storm", "通雨水", "Storm drainage", "storm", "storm_outfall"),
    BROADBAND("broadband", "通宽带", "Broadband", "broadband", "telecom_exchange"),
    LEVELING("leveling", "场地平整", "Leveling", null, null);

    /** 七通一平: road, water, sewer, power, telecom, gas, heat, and leveling. */
    public static final List<ReadinessItem> SEVEN = List.of(ROAD, WATER, SEWER, POWER, TELECOM, GAS, HEAT, LEVELING);
    /** 九通一平 adds storm drainage and broadband to the seven. */
    public static final List<ReadinessItem> NINE = List.of(ROAD, WATER, SEWER, STORM, POWER, TELECOM, BROADBAND, GAS,
            HEAT, LEVELING);

    private final String id;
    private final String attribute;
    private final Label label;
    private final String utility;
    private final String sourceKind;

    ReadinessItem(String id, String zh, String en, String utility, String sourceKind) {
        this.id = id;
        this.attribute = "readiness_" + id;
        this.label = Label.of(zh, en);
        this.utility = utility;
        this.sourceKind = sourceKind;
    }

    public String id() {
        return id;
    }

    /** The parcels' derived attribute that says whether this item is met ({@code readiness_sewer}). */
    public String attribute() {
        return attribute;
    }

    public Label label() {
        return label;
    }

    /** The {@code utility} of the lines that serve this item; null for road and leveling. */
    public String utility() {
        return utility;
    }

    /** The facility {@code kind} those lines must reach. */
    public String sourceKind() {
        return sourceKind;
    }

    public static ReadinessItem fromId(String id) {
        for (ReadinessItem item : values()) {
            if (item.id.equals(id)) {
                return item;
            }
        }
        throw new IllegalArgumentException("no readiness item " + id);
    }
}
