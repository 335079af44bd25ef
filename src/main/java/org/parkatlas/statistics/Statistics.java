package org.parkatlas.statistics;

import org.parkatlas.feature.Feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Groups features by the values of one or two attributes and summarises each group: how many, their area in mu, and
 * for each numeric attribute asked the sum, mean, minimum and maximum over the features that have a value (a
 * feature without one is counted but not averaged, as SQL's aggregates do). Pure: features in, groups out, in the
 * order of their keys with "no value" last.
 */
public final class Statistics {

    /** One numeric attribute summarised over a group: over {@code count} features that have a value. */
    public record Summary(long count, double sum, Double mean, Double min, Double max) {
    }

    /** A group: its key values (null for "no value"), how many features and their mu, and each summary. */
    public record Group(List<Object> keys, long count, double areaMu, Map<String, Summary> summaries) {
    }

    private final List<String> groupBy;
    private final List<String> numbers;
    private final String area;
    private final Map<List<Object>, Accumulator> groups = new LinkedHashMap<>();
    private final Accumulator total;

    /**
     * @param groupBy the attributes to group by (none: one group of everything)
     * @param numbers the numeric attributes to summarise
     * @param area    the attribute holding a feature's area in mu, or null for a layer without one
     */
    public Statistics(List<String> groupBy, List<String> numbers, String area) {
        this.groupBy = List.copyOf(groupBy);
        this.numbers = List.copyOf(numbers);
        this.area = area;
        this.total = new Accumulator(this.numbers.size());
    }

    /** Adds a feature to its group (as a sink for a feature source's stream). */
    public Consumer<Feature> sink() {
        return this::add;
    }

    public void add(Feature feature) {
        List<Object> keys = new ArrayList<>(groupBy.size());
        for (String name : groupBy) {
            keys.add(feature.property(name));
        }
        double mu = area != null && feature.property(area) instanceof Number n ? n.doubleValue() : 0;
        double[] values = new double[numbers.size()];
        boolean[] given = new boolean[numbers.size()];
        for (int i = 0; i < values.length; i++) {
            if (feature.property(numbers.get(i)) instanceof Number n && Double.isFinite(n.doubleValue())) {
                values[i] = n.doubleValue();
                given[i] = true;
            }
        }
        groups.computeIfAbsent(keys, k -> new Accumulator(numbers.size())).add(mu, values, given);
        total.add(mu, values, given);
    }

    /**
     * Adds a group the database has already summed (GROUP BY): {@code counts}, {@code sums}, {@code mins} and
     * {@code maxs} per numeric attribute, in the order of {@link #numbers()}.
     */
    public void addGroup(List<Object> keys, long count, double areaMu, long[] counts, double[] sums, double[] mins,
                         double[] maxs) {
        groups.computeIfAbsent(new ArrayList<>(keys), k -> new Accumulator(numbers.size()))
                .merge(count, areaMu, counts, sums, mins, maxs);
        total.merge(count, areaMu, counts, sums, mins, maxs);
    }

    /** The groups, ordered by their keys (numbers, dates and text in their natural order; no value last). */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        groups.forEach((keys, a) -> out.add(a.group(keys)));
        out.sort(Statistics::byKeys);
        return out;
    }

    /** Every feature added, as one group without keys. */
    public Group total() {
        return total.group(List.of());
    }

    public List<String> groupBy() {
        return groupBy;
    }

    public List<String> numbers() {
        return numbers;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int byKeys(Group a, Group b) {
        for (int i = 0; i < a.keys().size(); i++) {
            Object x = a.keys().get(i);
            Object y = b.keys().get(i);
            if (Objects.equals(x, y)) {
                continue;
            }
            if (x == null || y == null) {
                return x == null ? 1 : -1;
            }
            int order = x.getClass() == y.getClass() && x instanceof Comparable c ? c.compareTo(y)
                    : x.toString().compareTo(y.toString());
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private final class Accumulator {
        long count;
        double mu;
        final long[] counts;
        final double[] sums;
        final double[] mins;
        final double[] maxs;

        Accumulator(int size) {
            counts = new long[size];
            sums = new double[size];
            mins = new double[size];
            maxs = new double[size];
            Arrays.fill(mins, Double.POSITIVE_INFINITY);
            Arrays.fill(maxs, Double.NEGATIVE_INFINITY);
        }

        void add(double featureMu, double[] values, boolean[] given) {
            count++;
            mu += featureMu;
            for (int i = 0; i < values.length; i++) {
                if (given[i]) {
                    counts[i]++;
                    sums[i] += values[i];
                    mins[i] = Math.min(mins[i], values[i]);
                    maxs[i] = Math.max(maxs[i], values[i]);
                }
            }
        }

        void merge(long groupCount, double groupMu, long[] valueCounts, double[] valueSums, double[] valueMins,
                   double[] valueMaxs) {
            count += groupCount;
            mu += groupMu;
            for (int i = 0; i < counts.length; i++) {
                if (valueCounts[i] > 0) {
                    counts[i] += valueCounts[i];
                    sums[i] += valueSums[i];
                    mins[i] = Math.min(mins[i], valueMins[i]);
                    maxs[i] = Math.max(maxs[i], valueMaxs[i]);
                }
            }
        }

        Group group(List<Object> keys) {
            Map<String, Summary> summaries = new LinkedHashMap<>();
            for (int i = 0; i < numbers.size(); i++) {
                boolean any = counts[i] > 0;
                summaries.put(numbers.get(i), new Summary(counts[i], sums[i], any ? sums[i] / counts[i] : null,
                        any ? mins[i] : null, any ? maxs[i] : null));
            }
            return new Group(keys, count, mu, summaries);
        }
    }
}
