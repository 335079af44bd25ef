package org.parkatlas.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard layer model of an industrial park such as Ganting (甘亭新型工业园区): the park boundary, the "233"
 * structure (两廊 corridors, 三轴 axes, 三区 zones), the five 百亿级 industrial parks, standard land parcels (标准地),
 * roads, utility lines and facilities, and standardized factory buildings (标准化厂房). The ids are a public contract.
 */
final class ParkLayerModel {

    /** All layers are stored in CGCS2000 / 3-degree Gauss-Krüger CM 111°E, so areas and distances are in metres. */
    static final int STORAGE_SRID = 4546;

    private ParkLayerModel() {
    }

    static List<Layer> layers() {
        return List.of(parkBoundary(), corridors(), axes(), zones(), industrialParks(), parcels(), roads(),
                utilityLines(), facilities(), factoryBuildings(), projects(), enterprises(), enterpriseFigures());
    }

    private static Layer parkBoundary() {
        return new Builder(ParkLayer.PARK_BOUNDARY, "园区边界", "Park boundary", GeometryKind.POLYGON).multi()
                .describe("园区规划范围线", "The planned extent of the park")
                .text("name", true, "名称", "Name")
                .text("name_en", false, "英文名称", "English name")
                .text("admin_code", false, "行政区划代码", "Administrative code")
                .area()
                .build();
    }

    private static Layer corridors() {
        return new Builder(ParkLayer.CORRIDORS, "两廊", "Corridors", GeometryKind.POLYGON).multi()
                .describe("“233”空间格局中的两条廊道", "The two corridors of the \"233\" spatial pattern")
                .text("code", true, "编号", "Code")
                .text("name", true, "名称", "Name")
                .text("name_en", false, "英文名称", "English name")
                .choice("kind", true, "类型", "Kind",
                        value("ecological", "生态廊道", "Ecological corridor"),
                        value("infrastructure", "基础设施廊道", "Infrastructure corridor"))
                .number("width_m", false, "m", "宽度", "Width").within(0, 10000)
                .text("description", false, "说明", "Description")
                .area()
                .build();
    }

    private static Layer axes() {
        return new Builder(ParkLayer.AXES, "三轴", "Development axes", GeometryKind.LINESTRING)
                .describe("沿主干道展开的三条发展轴", "The three development axes along the main roads")
                .text("code", true, "编号", "Code")
                .text("name", true, "名称", "Name")
                .text("name_en", false, "英文名称", "English name")
                .text("road_name", false, "依托道路", "Road")
                .text("description", false, "说明", "Description")
                .build();
    }

    private static Layer zones() {
        return new Builder(ParkLayer.ZONES, "三区", "Functional zones", GeometryKind.POLYGON).multi()
                .describe("三个功能分区", "The three functional zones")
                .text("code", true, "编号", "Code")
                .text("name", true, "名称", "Name")
                .text("name_en", false, "英文名称", "English name")
                .text("function", false, "主导功能", "Function")
                .area()
                .build();
    }

    private static Layer industrialParks() {
        return new Builder(ParkLayer.INDUSTRIAL_PARKS, "百亿级产业园", "Industrial parks", GeometryKind.POLYGON).multi()
                .describe("五个百亿级产业园区", "The five industrial parks of ~10 billion yuan each")
                .text("code", true, "编号", "Code")
                .text("name", true, "名称", "Name")
                .text("name_en", false, "英文名称", "English name")
                .choice("industry", true, "主导产业", "Industry", INDUSTRIES)
                .text("zone", false, "所在分区", "Zone")
                .number("target_output_yi", false, "亿元", "目标产值", "Target output").within(0, 100000)
                .area()
                .build();
    }

    private static Layer parcels() {
        return new Builder(ParkLayer.PARCELS, "地块（标准地）", "Parcels (standard land)", GeometryKind.POLYGON)
                .describe("标准地及其他用地地块与控制指标", "Standard land and other plots with their control indicators")
                .text("code", true, "地块编号", "Parcel code")
                .choice("land_use", true, "用地性质代码", "Land-use code", LandUse.CODES)
                .choice("status", true, "供地状态", "Status",
                        value("planned", "规划中", "Planned"),
                        value("available", "可出让", "Available"),
                        value("reserved", "已预留", "Reserved"),
                        value("transferred", "已出让", "Transferred"),
                        value("in_use", "已使用", "In use"))
                .derivedFromGeometry("zone", "所在分区", "Zone")
                .derivedFromGeometry("industrial_park", "所属产业园", "Industrial park")
                .bool("standard_land", false, "标准地", "Standard land")
                .area()
                .number("min_investment_wan_per_mu", false, "万元/亩", "固定资产投资强度（下限）",
                        "Min. fixed-asset investment").within(0, 100000)
                .number("min_output_wan_per_mu", false, "万元/亩·年", "亩均产值（下限）", "Min. output per mu")
                .within(0, 1_000_000)
                .number("min_tax_wan_per_mu", false, "万元/亩·年", "亩均税收（下限）", "Min. tax per mu").within(0, 100000)
                .number("min_far", false, null, "容积率（下限）", "Min. floor area ratio").within(0, 20)
                .number("max_far", false, null, "容积率（上限）", "Max. floor area ratio").within(0, 20)
                .number("max_building_density", false, "%", "建筑密度（上限）", "Max. building density").within(0, 100)
                .number("max_green_ratio", false, "%", "绿地率（上限）", "Max. green ratio").within(0, 100)
                .number("max_admin_ratio", false, "%", "行政办公及生活设施用地比例（上限）",
                        "Max. admin & living share").within(0, 100)
                .number("max_energy_tce_per_wan", false, "吨标煤/万元", "单位能耗（上限）",
                        "Max. energy per output").within(0, 100)
                .choice("leveling", true, "场地平整", "Leveling",
                        value("done", "已完成", "Done"),
                        value("in_progress", "进行中", "In progress"),
                        value("not_started", "未开始", "Not started"))
                .date("leveling_date", false, "平整完成日期", "Leveling date")
                .number("reference_price_wan_per_mu", false, "万元/亩", "参考地价", "Reference land price")
                .within(0, 100000)
                .text("buyer", false, "受让单位", "Buyer").internal()
                .text("notes", false, "内部备注", "Internal notes").internal()
                .codes("regional_assessments", "已完成的区域评估", "Regional assessments done", regionalAssessments())
                .temporal("leveling_date")
                .readiness()
                .distances()
                .pipelineStage()
                .efficiency()
                .build();
    }

    /**
     * The regional assessments (区域评估) a park does once for an area so that a firm taking standard land need not
     * commission them itself; which ones a parcel has is part of what makes it standard land.
     */
    private static List<AllowedValue> regionalAssessments() {
        return List.of(
                value("planning_eia", "规划环境影响评价", "Planning environmental impact assessment"),
                value("energy", "区域节能评价", "Energy conservation assessment"),
                value("flood", "洪水影响评价", "Flood impact assessment"),
                value("soil_water", "水土保持方案", "Soil and water conservation plan"),
                value("water_resources", "水资源论证", "Water resources assessment"),
                value("minerals", "压覆重要矿产资源评估", "Overlying mineral resources assessment"),
                value("geohazard", "地质灾害危险性评估", "Geological hazard assessment"),
                value("seismic", "地震安全性评价", "Seismic safety assessment"),
                value("cultural_relics", "文物考古调查勘探", "Archaeological survey"),
                value("climate", "气候可行性论证", "Climate feasibility assessment"),
                value("lightning", "雷电灾害风险评估", "Lightning risk assessment"),
                value("traffic", "交通影响评价", "Traffic impact assessment"));
    }

    private static Layer roads() {
        return new Builder(ParkLayer.ROADS, "道路", "Roads", GeometryKind.LINESTRING)
                .describe("道路中心线及其建设时序", "Road centrelines with their construction phases")
                .text("name", true, "道路名称", "Road name")
                .text("name_en", false, "英文名称", "English name")
                .choice("grade", false, "道路等级", "Grade",
                        value("arterial", "主干路", "Arterial"),
                        value("secondary", "次干路", "Secondary"),
                        value("branch", "支路", "Branch"))
                .status()
                .number("red_line_width_m", true, "m", "红线宽度", "Red-line width").within(1, 200)
                .text("phase", false, "建设工程", "Construction project")
                .bool("gateway", false, "园区出入口", "Park gateway")
                .temporal("completion_date")
                .build();
    }

    private static Layer utilityLines() {
        return new Builder(ParkLayer.UTILITY_LINES, "市政管线", "Utility lines", GeometryKind.LINESTRING)
                .describe("给水、污水、雨水、电力、燃气、热力、通信、宽带管线",
                        "Water, sewer, storm, power, gas, heat, telecom and broadband lines")
                .text("name", true, "名称", "Name")
                .choice("utility", true, "管线类别", "Utility",
                        value("water", "给水", "Water"),
                        value("sewer", "污水", "Sewer"),
                        value("storm", "雨水", "Storm"),
                        value("power", "电力", "Power"),
                        value("gas", "燃气", "Gas"),
                        value("heat", "热力", "Heat"),
                        value("telecom", "通信", "Telecom"),
                        value("broadband", "宽带", "Broadband"))
                .status()
                .text("spec", false, "规格", "Specification")
                .text("name_en", false, "英文名称", "English name") // added later: the table's last column
                .temporal("completion_date")
                .build();
    }

    private static Layer facilities() {
        return new Builder(ParkLayer.FACILITIES, "市政设施", "Utility facilities", GeometryKind.POINT)
                .describe("污水处理厂、水厂、变电站等管网源点", "Sewage plant, water plant, substation and other sources")
                .text("name", true, "名称", "Name")
                .text("name_en", false, "英文名称", "English name")
                .choice("kind", true, "设施类型", "Kind",
                        value("sewage_plant", "污水处理厂", "Sewage treatment plant"),
                        value("water_plant", "水厂", "Water plant"),
                        value("storm_outfall", "雨水排放口", "Storm outfall"),
                        value("substation", "变电站", "Substation"),
                        value("gas_station", "燃气门站", "Gas gate station"),
                        value("heat_source", "热源厂", "Heat source"),
                        value("telecom_exchange", "通信局所", "Telecom exchange"))
                .status()
                .number("capacity", false, null, "规模", "Capacity").within(0, 1_000_000_000)
                .text("capacity_unit", false, "规模单位", "Capacity unit")
                .temporal("completion_date")
                .build();
    }

    private static Layer factoryBuildings() {
        return new Builder(ParkLayer.FACTORY_BUILDINGS, "标准化厂房", "Standardized factory buildings", GeometryKind.POLYGON)
                .describe("平台公司建设的标准化厂房", "Standard factory buildings built by the park's platform company")
                .text("code", true, "编号", "Code")
                .text("name", false, "名称", "Name")
                .text("parcel_code", false, "所在地块", "Parcel")
                .integer("floors", false, "层", "层数", "Floors").within(1, 200)
                .number("building_area_m2", false, "m²", "建筑面积", "Floor area").within(0, 10_000_000)
                .number("height_m", false, "m", "建筑高度", "Height").within(0, 1000)
                .choice("status", true, "状态", "Status",
                        value("planned", "规划中", "Planned"),
                        value("under_construction", "在建", "Under construction"),
                        value("available", "待租售", "Available"),
                        value("leased", "已出租", "Leased"),
                        value("sold", "已出售", "Sold"))
                .date("completion_date", false, "竣工日期", "Completion date")
                .area()
                .text("tenant", false, "承租企业", "Tenant").internal() // added later: the table's last column
                .temporal("completion_date")
                .build();
    }

    /** The industries of the five industrial parks (百亿级产业园), each a chain the zone recruits firms along. */
    private static final List<AllowedValue> INDUSTRIES = List.of(
            value("green_smart_manufacturing", "绿色智造", "Green smart manufacturing"),
            value("optoelectronic_materials", "光电新材料", "Optoelectronic new materials"),
            value("new_energy", "新能源", "New energy"),
            value("energy_saving_environmental", "节能环保", "Energy saving & environmental protection"),
            value("digital_economy", "数字经济", "Digital economy"));

    /** A project's or a firm's chain: one of the parks' industries, or another. */
    private static final List<AllowedValue> INDUSTRY_CHAINS = java.util.stream.Stream.concat(INDUSTRIES.stream(),
            java.util.stream.Stream.of(value("other", "其他", "Other"))).toList();

    /** The five pools of the investment pipeline (招商五库), in the order a project moves through them. */
    public static final List<AllowedValue> PIPELINE_STAGES = List.of(
            value("planning", "谋划库", "Planning"),
            value("negotiating", "对接库", "Negotiating"),
            value("signed", "签约库", "Signed"),
            value("under_construction", "开工库", "Under construction"),
            value("in_production", "投产库", "In production"));

    /**
     * Investment projects (招商五库): one per project the zone pursues, in the pool it has reached, with the dates it
     * reached each, the parcels it takes and what it promises. What was said in the talks is the investment bureau's
     * alone; the public sees signed projects only.
     */
    private static Layer projects() {
        return new Builder(ParkLayer.PROJECTS, "招商项目（五库）", "Investment projects (five pools)", GeometryKind.NONE)
                .describe("谋划、对接、签约、开工、投产五库中的招商引资项目",
                        "Investment projects in the five pools: planning, negotiating, signed, under construction, "
                                + "in production")
                .text("code", true, "项目编号", "Project code")
                .text("name", true, "项目名称", "Project name")
                .text("name_en", false, "英文名称", "English name")
                .text("investor", false, "投资方", "Investor")
                .text("origin", false, "来源地", "Origin")
                .choice("industry_chain", false, "产业链", "Industry chain", INDUSTRY_CHAINS)
                .choice("stage", true, "所在库", "Pool", PIPELINE_STAGES)
                .number("total_investment_yi", false, "亿元", "总投资", "Total investment").within(0, 100000)
                .number("fixed_investment_yi", false, "亿元", "固定资产投资", "Fixed-asset investment")
                .within(0, 100000)
                .number("land_demand_mu", false, "亩", "用地需求", "Land demand").within(0, 100000)
                .codes("parcel_codes", "拟用地块", "Parcels", List.of())
                .number("expected_output_yi", false, "亿元/年", "预计年产值", "Expected output").within(0, 100000)
                .number("expected_tax_wan", false, "万元/年", "预计年税收", "Expected tax").within(0, 10_000_000)
                .integer("expected_jobs", false, "人", "预计就业", "Expected jobs").within(0, 1_000_000)
                .number("power_demand_kva", false, "kVA", "用电需求", "Power demand").within(0, 10_000_000)
                .number("water_demand_m3_day", false, "m³/日", "用水需求", "Water demand").within(0, 10_000_000)
                .number("gas_demand_m3_day", false, "m³/日", "用气需求", "Gas demand").within(0, 10_000_000)
                .date("engaged_date", false, "进入对接日期", "Talks began")
                .date("signed_date", false, "签约日期", "Signed")
                .date("planned_start_date", false, "计划开工日期", "Planned start")
                .date("construction_date", false, "开工日期", "Construction began")
                .date("production_date", false, "投产日期", "Production began")
                .date("full_production_date", false, "达产日期", "Full production")
                .number("actual_output_yi", false, "亿元/年", "实际年产值", "Actual output").within(0, 100000)
                .internal()
                .number("funds_received_yi", false, "亿元", "到位资金", "Funds received").within(0, 100000).internal()
                .text("official", false, "包联领导", "Responsible official").internal()
                .text("contact", false, "投资方联系人", "Investor contact").confidential()
                .text("negotiation_notes", false, "洽谈记录", "Negotiation notes").confidential()
                .text("stage_reason", false, "库别变更说明", "Reason for the last move").confidential()
                .text("enquiry_id", false, "来源咨询", "From enquiry").confidential()
                .publicOnly("stage", "signed", "under_construction", "in_production")
                .temporal("signed_date")
                .build();
    }

    /**
     * The firms on the park's land, evaluated each year by output per mu (亩均效益评价, "以亩产论英雄"): larger firms
     * (规上) and smaller ones (规下) by their own profiles; utilities, start-ups and firms still building are not rated.
     */
    private static Layer enterprises() {
        return new Builder(ParkLayer.ENTERPRISES, "企业", "Enterprises", GeometryKind.NONE)
                .describe("园区内用地企业及其亩均效益评价", "Firms on the park's land and their per-mu efficiency evaluation")
                .text("code", true, "企业编号", "Enterprise code")
                .text("name", true, "企业名称", "Name")
                .text("name_en", false, "英文名称", "English name")
                .text("credit_code", false, "统一社会信用代码", "Unified social credit code").internal()
                .choice("industry_chain", false, "产业链", "Industry chain", INDUSTRY_CHAINS)
                .choice("scale", true, "规模", "Scale",
                        value("above", "规上企业", "Above designated size"),
                        value("below", "规下企业", "Below designated size"))
                .choice("status", true, "经营状态", "Status",
                        value("producing", "生产经营", "Producing"),
                        value("building", "在建", "Still building"),
                        value("startup", "新办企业", "Start-up"),
                        value("utility", "公用事业", "Utility"))
                .codes("parcel_codes", "用地地块", "Parcels", List.of())
                .text("project_code", false, "对应招商项目", "Investment project")
                .date("production_date", false, "投产日期", "Production began")
                .build();
    }

    /** One firm's figures for one year, as the tax, statistics and energy bureaus report them: the bureau's own. */
    private static Layer enterpriseFigures() {
        return new Builder(ParkLayer.ENTERPRISE_FIGURES, "企业年度数据", "Enterprise yearly figures", GeometryKind.NONE)
                .describe("亩均效益评价所用的企业年度数据（税务、统计、能源部门）",
                        "The yearly figures per-mu evaluation uses (tax, statistics and energy bureaus)")
                .text("enterprise_code", true, "企业编号", "Enterprise code")
                .integer("fiscal_year", true, null, "年度", "Year").within(1990, 2199)
                .number("tax_wan", false, "万元", "实缴税收", "Tax paid").within(0, 1e9).internal()
                .number("sales_wan", false, "万元", "营业收入", "Sales").within(0, 1e10).internal()
                .number("value_added_wan", false, "万元", "工业增加值", "Value added").within(-1e9, 1e10).internal()
                .number("energy_tce", false, "吨标煤", "综合能耗", "Energy use").within(0, 1e9).internal()
                .number("rd_wan", false, "万元", "研发经费", "R&D spending").within(0, 1e9).internal()
                .integer("employees", false, "人", "年平均职工人数", "Employees").within(0, 10_000_000).internal()
                .number("emissions_t", false, "吨", "主要污染物排放当量", "Emissions").within(0, 1e9).internal()
                .build();
    }

    static AllowedValue value(String value, String zh, String en) {
        return new AllowedValue(value, Label.of(zh, en));
    }

    /** Keeps the definitions above readable: one line per attribute. */
    private static final class Builder {
        private final String id;
        private final Label title;
        private final GeometryKind kind;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<Attribute> derived = new ArrayList<>();
        private Label description = Label.of("", "");
        private boolean multi;
        private String temporal;
        private Layer.PublicRows publicRows;

        Builder(ParkLayer layer, String zh, String en, GeometryKind kind) {
            this.id = layer.id();
            this.title = Label.of(zh, en);
            this.kind = kind;
        }

        Builder multi() {
            multi = true;
            return this;
        }

        Builder describe(String zh, String en) {
            description = Label.of(zh, en);
            return this;
        }

        Builder text(String name, boolean required, String zh, String en) {
            return add(name, AttributeType.STRING, null, required, zh, en, List.of());
        }

        Builder number(String name, boolean required, String unit, String zh, String en) {
            return add(name, AttributeType.NUMBER, unit, required, zh, en, List.of());
        }

        Builder integer(String name, boolean required, String unit, String zh, String en) {
            return add(name, AttributeType.INTEGER, unit, required, zh, en, List.of());
        }

        Builder bool(String name, boolean required, String zh, String en) {
            return add(name, AttributeType.BOOLEAN, null, required, zh, en, List.of());
        }

        Builder date(String name, boolean required, String zh, String en) {
            return add(name, AttributeType.DATE, null, required, zh, en, List.of());
        }

        Builder choice(String name, boolean required, String zh, String en, AllowedValue... values) {
            return choice(name, required, zh, en, List.of(values));
        }

        Builder choice(String name, boolean required, String zh, String en, List<AllowedValue> values) {
            return add(name, AttributeType.STRING, null, required, zh, en, values);
        }

        /** Any number of codes from {@code values}, each at most once. */
        Builder codes(String name, String zh, String en, List<AllowedValue> values) {
            return add(name, AttributeType.CODE_LIST, null, false, zh, en, values);
        }

        /**
         * A code the server works out from where the geometry lies (e.g. the zone holding most of a parcel), stored so
         * it can be filtered in SQL, never taken from a client or a file.
         */
        Builder derivedFromGeometry(String name, String zh, String en) {
            attributes.add(new Attribute(name, AttributeType.STRING, null, false, true, Label.of(zh, en), List.of()));
            return this;
        }

        /** Construction status and completion date, shared by roads, utility lines and facilities. */
        Builder status() {
            choice("status", true, "建设状态", "Status",
                    value("existing", "已建成", "Existing"),
                    value("under_construction", "在建", "Under construction"),
                    value("planned", "规划", "Planned"));
            return date("completion_date", false, "建成日期", "Completion date");
        }

        /** Area in m² and mu, computed by the server from the geometry in the storage CRS. */
        Builder area() {
            attributes.add(new Attribute("area_m2", AttributeType.NUMBER, "m²", false, true,
                    Label.of("面积（平方米）", "Area (m²)"), List.of()));
            attributes.add(new Attribute("area_mu", AttributeType.NUMBER, "亩", false, true,
                    Label.of("面积（亩）", "Area (mu)"), List.of()));
            return this;
        }

        /**
         * 七通一平 / 九通一平 as of a date, computed from the networks (see the readiness package): one flag per item,
         * how many are met, whether all are, and from when.
         */
        Builder readiness() {
            String[][] items = {{"road", "通路", "Road"}, {"water", "通给水", "Water"}, {"sewer", "通排水", "Sewer"},
                    {"storm", "通雨水", "Storm drainage"}, {"power", "通电", "Power"}, {"telecom", "通讯", "Telecom"},
                    {"broadband", "通宽带", "Broadband"}, {"gas", "通燃气", "Gas"}, {"heat", "通热力", "Heat"},
                    {"leveling", "场地平整", "Leveling"}};
            for (String[] item : items) {
                derived.add(new Attribute("readiness_" + item[0], AttributeType.BOOLEAN, null, false, true,
                        Label.of(item[1], item[2]), List.of()));
            }
            derived.add(new Attribute("readiness_met", AttributeType.INTEGER, null, false, true,
                    Label.of("已满足项数", "Items met"), List.of()));
            derived.add(new Attribute("readiness_total", AttributeType.INTEGER, null, false, true,
                    Label.of("标准项数", "Items in the standard"), List.of()));
            derived.add(new Attribute("ready", AttributeType.BOOLEAN, null, false, true,
                    Label.of("具备开工条件", "Ready"), List.of()));
            derived.add(new Attribute("ready_date", AttributeType.DATE, null, false, true,
                    Label.of("预计具备条件日期", "Ready date"), List.of()));
            // 1 planned · 2 leveled · 3 partly serviced · 4 fully serviced · 5 building ready (readiness.ReadinessTier)
            derived.add(new Attribute("readiness_tier", AttributeType.INTEGER, null, false, true,
                    Label.of("用地成熟度等级", "Readiness tier"), List.of()).within(1, 5));
            return this;
        }

        /**
         * The distance from a parcel to the nearest park gateway and to the nearest facility of each kind an investor
         * weighs a site by, in metres, worked out when read (see the proximity package).
         */
        Builder distances() {
            String[][] targets = {{"gateway", "距园区出入口", "To a park gateway"},
                    {"sewage_plant", "距污水处理厂", "To the sewage plant"}, {"water_plant", "距水厂", "To the water plant"},
                    {"substation", "距变电站", "To a substation"}, {"gas_station", "距燃气门站", "To the gas station"},
                    {"heat_source", "距热源厂", "To the heat source"}};
            for (String[] target : targets) {
                derived.add(new Attribute(target[0] + "_distance_m", AttributeType.NUMBER, "m", false, true,
                        Label.of(target[1], target[2]), List.of()));
            }
            return this;
        }

        /**
         * The pool of the most advanced project on a parcel (see the pipeline package); for the public only the
         * signed ones count.
         */
        Builder pipelineStage() {
            derived.add(new Attribute("pipeline_stage", AttributeType.STRING, null, false, true,
                    Label.of("招商项目所在库", "Project pool"), PIPELINE_STAGES));
            return this;
        }

        /**
         * The per-mu evaluation of the firm on a parcel (see the efficiency package): its score per mu, its class
         * (A…D, null where there is no rated firm) and which kind of idle land it is, if any.
         */
        Builder efficiency() {
            derived.add(new Attribute("mujun_score", AttributeType.NUMBER, "分/亩", false, true,
                    Label.of("亩均效益得分（每亩）", "Per-mu efficiency score per mu"), List.of()));
            derived.add(new Attribute("mujun_class", AttributeType.STRING, null, false, true,
                    Label.of("亩均效益等级", "Per-mu efficiency class"), List.of(
                    value("A", "A类（优先发展）", "A (priority)"), value("B", "B类（鼓励发展）", "B (encouraged)"),
                    value("C", "C类（提升发展）", "C (to transform)"), value("D", "D类（限制发展）", "D (restricted)"))));
            derived.add(new Attribute("idle_kind", AttributeType.STRING, null, false, true,
                    Label.of("低效闲置类型", "Idle land kind"), List.of(
                    value("approved_not_supplied", "批而未供", "Approved, not supplied"),
                    value("supplied_not_used", "供而未用", "Supplied, not used"),
                    value("built_not_producing", "建而未投", "Built, not producing"),
                    value("producing_below_standard", "投而未达标", "Producing below standard"))));
            return this;
        }

        /** The public sees only the features whose {@code attribute} holds one of {@code values}. */
        Builder publicOnly(String attribute, String... values) {
            publicRows = new Layer.PublicRows(attribute, java.util.Set.of(values));
            return this;
        }

        Builder temporal(String property) {
            temporal = property;
            return this;
        }

        /** The attribute added last is the bureau's own record: signed-in staff see it, the public does not. */
        Builder internal() {
            attributes.set(attributes.size() - 1, attributes.get(attributes.size() - 1).seenBy(Audience.STAFF));
            return this;
        }

        /** The attribute added last is from a negotiation: the investment bureau and admins see it, no one else. */
        Builder confidential() {
            attributes.set(attributes.size() - 1, attributes.get(attributes.size() - 1).seenBy(Audience.INVESTMENT));
            return this;
        }

        /** The range the values of the attribute added last must lie in. */
        Builder within(double min, double max) {
            attributes.set(attributes.size() - 1, attributes.get(attributes.size() - 1).within(min, max));
            return this;
        }

        private Builder add(String name, AttributeType type, String unit, boolean required, String zh, String en,
                            List<AllowedValue> values) {
            attributes.add(new Attribute(name, type, unit, required, false, Label.of(zh, en), values));
            return this;
        }

        Layer build() {
            return new Layer(id, title, description, kind, multi, attributes, STORAGE_SRID, temporal, derived, publicRows);
        }
    }
}
