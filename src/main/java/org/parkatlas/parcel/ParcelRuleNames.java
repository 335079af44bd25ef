package org.parkatlas.parcel;

import org.parkatlas.catalog.Label;

import java.util.Map;

/** The short names of the parcel rules and of the checks split, merge and restore make, by rule id. */
final class ParcelRuleNames {

    static final String SPLIT_LINE = "split-line";
    static final String MERGE_PARCELS = "merge-parcels";
    static final String MERGE_ADJACENT = "merge-adjacent";
    static final String RESTORE_VERSION = "restore-version";

    static final Map<String, Label> ALL = Map.ofEntries(
            Map.entry(TopologyCheck.SIMPLE_POLYGON, Label.of("边界自相交", "Self-intersecting outline")),
            Map.entry(InsideParkRule.ID, Label.of("超出园区边界", "Outside the park boundary")),
            Map.entry(NoOverlapRule.ID, Label.of("与其他地块重叠", "Overlaps another parcel")),
            Map.entry(ClearOfRedLinesRule.ID, Label.of("压占道路红线", "Crosses a road red line")),
            Map.entry(OutsideEcologicalCorridorRule.ID, Label.of("占用生态廊道", "Inside an ecological corridor")),
            Map.entry(MinimumAreaRule.ID, Label.of("面积过小", "Too small")),
            Map.entry(NotASliverRule.ID, Label.of("形状过于狭长", "Sliver shape")),
            Map.entry(SPLIT_LINE, Label.of("分割线无效", "Split line cuts nothing")),
            Map.entry(MERGE_PARCELS, Label.of("合并地块不足", "Too few parcels to merge")),
            Map.entry(MERGE_ADJACENT, Label.of("地块不相邻", "Parcels not adjacent")),
            Map.entry(RESTORE_VERSION, Label.of("无法恢复该版本", "Version cannot be restored")));

    private ParcelRuleNames() {
    }
}
