package dev.ovha.twin.service.ec2;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.service.Glob;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * EC2's {@code Filter.N.Name} / {@code Filter.N.Value.M}: values of one filter are OR-ed, filters are
 * AND-ed, values may use {@code *} and {@code ?}. {@code tag:<key>}, {@code tag-key} and
 * {@code tag-value} work on any resource with tags. An unknown filter name is an error, as in EC2.
 */
final class Ec2Filters<T> {

    private final Map<String, Function<T, Collection<String>>> known;
    private final Function<T, Map<String, String>> tags;

    Ec2Filters(Map<String, Function<T, Collection<String>>> known, Function<T, Map<String, String>> tags) {
        this.known = known;
        this.tags = tags;
    }

    Predicate<T> parse(List<AwsInput> filters) {
        Predicate<T> all = item -> true;
        for (AwsInput filter : filters) {
            String name = filter.string("Name").orElseThrow(() ->
                    AwsError.badRequest("InvalidParameterValue", "The filter 'null' is invalid"));
            List<String> values = filter.strings("Value");
            if (values.isEmpty()) {
                throw AwsError.badRequest("InvalidParameterCombination",
                        "The request must contain the parameter Filter." + "Value for filter '" + name + "'");
            }
            all = all.and(matcher(name, values));
        }
        return all;
    }

    private Predicate<T> matcher(String name, List<String> patterns) {
        Function<T, Collection<String>> extractor;
        if (name.startsWith("tag:")) {
            String key = name.substring(4);
            extractor = item -> tags.apply(item).containsKey(key) ? List.of(tags.apply(item).get(key)) : List.of();
        } else if (name.equals("tag-key")) {
            extractor = item -> tags.apply(item).keySet();
        } else if (name.equals("tag-value")) {
            extractor = item -> tags.apply(item).values();
        } else {
            extractor = known.get(name);
            if (extractor == null) {
                throw AwsError.badRequest("InvalidParameterValue", "The filter '" + name + "' is invalid");
            }
        }
        Function<T, Collection<String>> values = extractor;
        return item -> values.apply(item).stream().anyMatch(v -> patterns.stream().anyMatch(p -> Glob.matches(p, v)));
    }
}
