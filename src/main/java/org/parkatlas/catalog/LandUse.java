package org.parkatlas.catalog;

import java.util.List;

import static org.parkatlas.catalog.ParkLayerModel.value;

/**
 * The land-use codes a park's parcels are planned with, from the territorial-planning classification
 * (国土空间调查、规划、用途管制用地用海分类指南): industrial land 1001xx, logistics and storage 1101xx, utility land 13xx,
 * and protective green 1402. A code outside this list is refused, since a typo there would hide a parcel from every
 * search for industrial land.
 */
final class LandUse {

    static final List<AllowedValue> CODES = List.of(
            value("1001", "工业用地", "Industrial land"),
            value("100101", "一类工业用地", "Class-1 industrial (light, little disturbance)"),
            value("100102", "二类工业用地", "Class-2 industrial (some disturbance)"),
            value("100103", "三类工业用地", "Class-3 industrial (heavy disturbance)"),
            value("1101", "物流仓储用地", "Logistics and storage land"),
            value("110101", "一类物流仓储用地", "Class-1 logistics and storage"),
            value("110102", "二类物流仓储用地", "Class-2 logistics and storage"),
            value("110103", "三类物流仓储用地", "Class-3 logistics and storage"),
            value("1102", "储备库用地", "Strategic reserve depots"),
            value("13", "公用设施用地", "Utility land"),
            value("1301", "供水用地", "Water supply"),
            value("1302", "排水用地", "Drainage and sewage"),
            value("1303", "供电用地", "Power supply"),
            value("1304", "供燃气用地", "Gas supply"),
            value("1305", "供热用地", "Heat supply"),
            value("1306", "通信用地", "Telecommunications"),
            value("1307", "邮政用地", "Postal facilities"),
            value("1308", "广播电视设施用地", "Broadcasting facilities"),
            value("1309", "环卫用地", "Sanitation"),
            value("1310", "消防用地", "Fire services"),
            value("1311", "水工设施用地", "Hydraulic works"),
            value("1312", "其他公用设施用地", "Other utilities"),
            value("1402", "防护绿地", "Protective green space"));

    private LandUse() {
    }
}
