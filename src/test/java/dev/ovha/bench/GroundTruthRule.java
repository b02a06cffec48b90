package dev.ovha.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which ground-truth event makes a named wait's condition true: "session ses_X listed by ..." became true
 * when the twin logged {@code session.created} for ses_X. The waits know nothing of this table; it is the
 * benchmark's reading of their business names, first matching rule wins. A wait no rule reads is reported
 * as unmatched, so that a new kind of wait shows up instead of silently leaving the figures.
 *
 * @param condition what the rule calls the awaited condition, for the report
 * @param waitName  a pattern found (case-insensitively) in the wait's name
 * @param event     which events mark the condition becoming true
 */
record GroundTruthRule(String condition, Pattern waitName, Predicate<SuiteRunResult.Event> event) {

    static GroundTruthRule of(String condition, String waitName, Predicate<SuiteRunResult.Event> event) {
        return new GroundTruthRule(condition, Pattern.compile(waitName, Pattern.CASE_INSENSITIVE), event);
    }

    static Predicate<SuiteRunResult.Event> type(String... types) {
        Set<String> wanted = Set.of(types);
        return e -> wanted.contains(e.type());
    }

    static Predicate<SuiteRunResult.Event> detail(String type, String key, String... values) {
        Set<String> wanted = Set.of(values);
        return e -> e.type().equals(type) && wanted.contains(e.details().getOrDefault(key, "").toLowerCase(Locale.ROOT));
    }

    /** Specific wordings first: "unhealthy" before "healthy", "deregistered" before "registered". */
    static final List<GroundTruthRule> RULES = List.of(
            of("session listed", "session \\S+ (is )?listed", type("session.created")),
            of("session gone", "session \\S+ (is )?(gone|closed|no longer listed)", type("session.closed")),
            of("target left the healthy set", "(unhealthy|draining|no longer (healthy|served|routed)|dropped|out of the target group)",
                    type("target.unhealthy", "target.draining", "target.unused", "target.deregistered")),
            of("target healthy", "healthy", type("target.healthy")),
            of("media node deregistered", "(deregistered|unregistered|gone from|left|leaves|removed from).*media node"
                    + "|media node.*(deregistered|unregistered|gone|left|leaves|removed)",
                    type("medianode.deregistered", "medianode.crashed")),
            of("media node registered", "registered", type("medianode.registered")),
            of("masters restarted", "restart|serves? the new|new value", type("master.restarted")),
            of("FIS experiment ended", "experiment .*(ended|completed|stopped|finished)",
                    detail("fis.experiment", "status", "completed", "stopped", "failed")),
            of("FIS experiment running", "experiment .*running", detail("fis.experiment", "status", "running")),
            of("instance in service", "in ?service", detail("asg.lifecycle", "state", "inservice")),
            of("instance terminated", "terminated", type("instance.terminated")),
            of("instance running", "running", type("instance.running")),
            of("desired capacity", "desired capacity|capacity (back|restored)", type("asg.desired")),
            of("alarm state", "alarm", type("alarm.state")),
            of("network restored", "network .*(back|restored)", type("network.restored")),
            of("launched", "launch", type("asg.launch", "instance.pending")));

    static Optional<GroundTruthRule> forWait(String name) {
        return RULES.stream().filter(rule -> rule.waitName().matcher(name).find()).findFirst();
    }
}
