package dev.ovha.twin.service.cloudwatch;

import dev.ovha.twin.protocol.AwsError;
import dev.ovha.twin.protocol.AwsInput;
import dev.ovha.twin.state.cloudwatch.Statistic;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and checks the parts of metric requests that GetMetricStatistics and GetMetricData share. */
final class MetricRequests {

    private MetricRequests() {
    }

    static String required(AwsInput in, String name) {
        return in.string(name).filter(s -> !s.isEmpty()).orElseThrow(() -> missing(name));
    }

    static Instant requiredInstant(AwsInput in, String name) {
        return in.instant(name).orElseThrow(() -> missing(name));
    }

    static void checkWindow(Instant start, Instant end) {
        if (!start.isBefore(end)) {
            throw invalid("The parameter StartTime must be less than the parameter EndTime.");
        }
    }

    /** CloudWatch keeps high-resolution periods (1, 5, 10, 30 s) for high-resolution metrics only; AWS's metrics are not. */
    static int period(AwsInput in, String name) {
        int period = in.integer(name).orElseThrow(() -> missing(name));
        if (period < 60 || period % 60 != 0) {
            throw invalid("The parameter " + name + " must be a multiple of 60: the metrics the ovha twin emulates "
                    + "(AWS/EC2, AWS/SQS) are standard resolution.");
        }
        return period;
    }

    static Map<String, String> dimensions(AwsInput in) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AwsInput d : in.structs("Dimensions")) {
            out.put(d.string("Name").orElseThrow(() -> missing("Dimensions.member.N.Name")),
                    d.string("Value").orElseThrow(() -> missing("Dimensions.member.N.Value")));
        }
        return out;
    }

    static Statistic statistic(String name, String where) {
        return Statistic.byApiName(name).orElseThrow(() -> invalid("The parameter " + where
                + " must be a value in the set [ Maximum, Minimum, SampleCount, Sum, Average ]."
                + (name.matches("[pP]\\d.*|(tm|wm|tc|ts|pr|iqm).*") ? " The ovha twin does not compute extended statistics." : "")));
    }

    static List<Statistic> statistics(List<String> names) {
        return names.stream().map(n -> statistic(n, "Statistics")).distinct().toList();
    }

    static AwsError missing(String name) {
        return AwsError.badRequest("MissingParameter", "The parameter " + name + " is required.");
    }

    static AwsError invalid(String message) {
        return AwsError.badRequest("InvalidParameterValue", message);
    }
}
