package org.parkatlas.readiness;

import org.parkatlas.catalog.Label;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.network.NetworkSource;
import org.parkatlas.network.Schedule;
import org.parkatlas.network.UtilityNetwork;
import org.parkatlas.network.UtilityNetwork.Bottleneck;

import java.time.LocalDate;
import java.util.List;

/**
 * One readiness item of one parcel: the date from which it is met (null: nothing planned can ever meet it), what
 * meets it — the serving line, the source it connects to and the path between — and enough to say in words why it is
 * not met on a given day.
 *
 * @param nearestDistance the distance to the nearest line of the utility when none is within reach (null if there is
 *                        none at all), for the explanation
 */
public record ItemAssessment(ReadinessItem item, LocalDate readyDate, NetworkLine servingLine, NetworkSource source,
                             Double distance, UtilityNetwork.Connection connection, Bottleneck bottleneck,
                             double reach, Double nearestDistance, String leveling) {

    /** The lines from the serving line to the source (traced when asked: it is only needed to draw it). */
    public List<NetworkLine> path() {
        return connection == null ? List.of() : connection.path();
    }

    public boolean metOn(LocalDate day) {
        return readyDate != null && !readyDate.isAfter(day);
    }

    /** Why the item is not met on {@code day}, in zh-CN and English; null when it is met. */
    public Label reason(LocalDate day) {
        if (metOn(day)) {
            return null;
        }
        if (item == ReadinessItem.LEVELING) {
            return levelingReason();
        }
        String what = what();
        if (servingLine == null) {
            return nearestDistance == null
                    ? Label.of("园区内没有" + what.split("\\|")[0] + "线路", "there is no " + what.split("\\|")[1]
                    + " line in the park")
                    : Label.of(String.format("%.0f 米范围内没有%s线路；最近的相距 %.0f 米", reach, what.split("\\|")[0],
                    nearestDistance), String.format("no %s line within %.0f m; the nearest is %.0f m away",
                    what.split("\\|")[1], reach, nearestDistance));
        }
        if (source == null) {
            return Label.of(String.format("附近的%s线路（%s）未接通任何%s", what.split("\\|")[0], servingLine.name(),
                    sourceName()[0]), String.format("the %s lines near the parcel (%s) do not connect to any %s",
                    what.split("\\|")[1], servingLine.nameEn(), sourceName()[1]));
        }
        return bottleneckReason();
    }

    private Label bottleneckReason() {
        String[] kind = bottleneck.kind().equals("source") ? sourceName() : new String[]{"线路", "the"};
        String status = bottleneck.status() == null ? "" : bottleneck.status();
        String zhStatus = switch (status) {
            case "under_construction" -> "在建";
            case "planned" -> "规划中";
            default -> "尚未建成";
        };
        String enStatus = switch (status) {
            case "under_construction" -> "under construction";
            case "planned" -> "planned";
            default -> "not yet in service";
        };
        if (bottleneck.inService() == null) {
            return Label.of(String.format("%s%s%s，尚无完工日期", kind[0], bottleneck.name(), zhStatus),
                    String.format("%s %s is %s with no completion date", kind[1], bottleneck.nameEn(), enStatus));
        }
        return Label.of(String.format("%s%s%s，预计 %s 完工", kind[0], bottleneck.name(), zhStatus,
                        bottleneck.inService()),
                String.format("%s %s is %s, completion %s", kind[1], bottleneck.nameEn(), enStatus,
                        bottleneck.inService()));
    }

    private Label levelingReason() {
        if (readyDate == null) {
            return Label.of("场地平整尚未安排", "leveling is not scheduled");
        }
        String zh = "in_progress".equals(leveling) ? "场地平整进行中" : "场地平整未开始";
        String en = "in_progress".equals(leveling) ? "leveling is in progress" : "leveling has not started";
        return Label.of(zh + "，预计 " + readyDate + " 完成", en + ", due " + readyDate);
    }

    /** The utility in words, zh|en. */
    private String what() {
        return switch (item) {
            case ROAD -> "道路|road";
            case WATER -> "给水|water";
            case SEWER -> "污水|sewer";
            case STORM -> "雨水|storm";
            case POWER -> "电力|power";
            case TELECOM -> "通信|telecom";
            case BROADBAND -> "宽带|broadband";
            case GAS -> "燃气|gas";
            case HEAT -> "热力|heat";
            case LEVELING -> "场地|site";
        };
    }

    private String[] sourceName() {
        return switch (item) {
            case ROAD -> new String[]{"园区出入口道路", "park gateway"};
            case WATER -> new String[]{"水厂", "water plant"};
            case SEWER -> new String[]{"污水处理厂", "sewage plant"};
            case STORM -> new String[]{"雨水排放口", "storm outfall"};
            case POWER -> new String[]{"变电站", "substation"};
            case TELECOM, BROADBAND -> new String[]{"通信局所", "telecom exchange"};
            case GAS -> new String[]{"燃气门站", "gas gate station"};
            case HEAT -> new String[]{"热源厂", "heat source"};
            case LEVELING -> new String[]{"", ""};
        };
    }

    /** Leveling: done (since its date, or always), or due on its date, or never when nothing is scheduled. */
    static ItemAssessment leveling(String leveling, LocalDate date) {
        LocalDate ready = "done".equals(leveling) ? (date == null ? Schedule.ALWAYS : date) : date;
        return new ItemAssessment(ReadinessItem.LEVELING, ready, null, null, null, null, null, 0, null, leveling);
    }
}
