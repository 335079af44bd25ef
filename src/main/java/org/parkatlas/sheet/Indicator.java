package org.parkatlas.sheet;

import org.parkatlas.catalog.Label;

import java.util.List;

/**
 * One of the standard land's control indicators (标准地 "3+X"), which the buyer pledges to meet (承诺制), and what it
 * means in the words a site selector uses. The first three are the "3"; the rest the "X".
 *
 * @param attribute the parcel attribute holding the value
 * @param bound     whether the value is a floor ({@code min}) or a ceiling ({@code max}) for the project
 */
public record Indicator(String attribute, String bound, Label meaning) {

    public static final List<Indicator> STANDARD_LAND = List.of(
            new Indicator("min_investment_wan_per_mu", "min", Label.of(
                    "项目固定资产投资总额除以用地面积，不低于此值（建成时核验）",
                    "the project's fixed-asset investment divided by its land, at least this (checked on completion)")),
            new Indicator("min_tax_wan_per_mu", "min", Label.of("达产后每年每亩缴纳的税收，不低于此值",
                    "tax paid per mu and year at full production, at least this")),
            new Indicator("min_far", "min", Label.of("建筑面积与用地面积之比，不低于此值，土地须集约使用",
                    "floor area divided by land area, at least this: the land is to be used intensively")),
            new Indicator("max_far", "max", Label.of("建筑面积与用地面积之比，不超过此值",
                    "floor area divided by land area, at most this")),
            new Indicator("min_output_wan_per_mu", "min", Label.of("达产后每年每亩的产值，不低于此值",
                    "output per mu and year at full production, at least this")),
            new Indicator("max_building_density", "max", Label.of("建筑物占地面积占用地面积的比例，不超过此值",
                    "the share of the land the buildings cover, at most this")),
            new Indicator("max_green_ratio", "max", Label.of("绿地占用地面积的比例上限：工业用地的绿地率是上限而非下限",
                    "the share of the land kept green, at most this: for industrial land a cap, not a minimum")),
            new Indicator("max_admin_ratio", "max", Label.of("行政办公及生活服务设施用地所占比例，不超过此值",
                    "the share of the land for offices and living facilities, at most this")),
            new Indicator("max_energy_tce_per_wan", "max", Label.of("每万元产值的能耗（吨标准煤），不超过此值",
                    "energy used per 10 000 yuan of output (tonnes of coal equivalent), at most this")));
}
