package org.parkatlas.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The zone's yearly investment targets, under {@code parkatlas.pipeline.targets.<year>.*}: how many projects to sign
 * ({@code signings}) and for how much total investment ({@code investment-yi}, 亿元). A year without targets shows
 * its signings without a target to measure them by.
 */
@ConfigurationProperties("parkatlas.pipeline")
public record PipelineTargets(Map<Integer, Year> targets) {

    public PipelineTargets {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
    }

    public record Year(Long signings, Double investmentYi) {
    }

    public PipelineFigures.Targets of(int year) {
        Year y = targets.get(year);
        return y == null ? new PipelineFigures.Targets(null, null) : new PipelineFigures.Targets(y.signings(),
                y.investmentYi());
    }
}
