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
 * @param condition what the rule calls the awaited condition, for the report (or why it is not compared)
 * @param waitName  a pattern found (case-insensitively) in the wait's name
 * @param event     which events mark the condition becoming true; empty for waits with no such moment (a
 *                  state that must hold for a while, a log line, a metric)
 * @param narrow    whether the ids the wait names pick the events (false when the name names the victim of
 *                  a fault and the awaited event is about its replacement)
 */
record GroundTruthRule(String condition, Pattern waitName, Optional<Predicate<SuiteRunResult.Event>> event,
                       boolean narrow) {

    static GroundTruthRule of(String condition, String waitName, Predicate<SuiteRunResult.Event> event) {
        return new GroundTruthRule(condition, Pattern.compile(waitName, Pattern.CASE_INSENSITIVE), Optional.of(event), true);
    }

    /** An event about something the wait does not name: the replacement of the instance it names. */
    static GroundTruthRule ofAny(String condition, String waitName, Predicate<SuiteRunResult.Event> event) {
        return new GroundTruthRule(condition, Pattern.compile(waitName, Pattern.CASE_INSENSITIVE), Optional.of(event), false);
    }

    static GroundTruthRule notCompared(String why, String waitName) {
        return new GroundTruthRule(why, Pattern.compile(waitName, Pattern.CASE_INSENSITIVE), Optional.empty(), false);
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
            notCompared("a state that must hold for a while has no moment to compare with", "\\bfor \\d+ s\\b"),
            notCompared("a steady state is many conditions at once", "steady state"),
            notCompared("log lines are not ground-truth events", "a line with .* log"),
            notCompared("metrics are not ground-truth events", "reported by CloudWatch"),
            of("crashed node's sessions closed", "close the sessions .* of the crashed media node",
                    type("medianode.sessions-closed")),
            of("API answering again", "answered by a master that is up", type("master.restarted", "master.up")),
            of("session listed", "session \\S+ (is )?listed", type("session.created")),
            of("session gone", "session \\S+ (is )?(gone|closed|no longer listed)", type("session.closed")),
            of("SSM command finished", "SSM commands? .* finished",
                    detail("ssm.invocation", "status", "success", "failed", "cancelled", "timedout")),
            of("FIS experiment ended", "experiment .*(ended|completed|stopped|finished)",
                    detail("fis.experiment", "status", "completed", "stopped", "failed")),
            of("FIS experiment running", "experiment .*(running|resolved)", detail("fis.experiment", "status", "running")),
            ofAny("replacement master healthy", "master group whole again|replacement master", type("target.healthy")),
            // The group must also show the newcomer InService (its lifecycle hook completed), which comes after
            // the masters registered it: the later of the two is when the condition became true.
            ofAny("replacement media node registered", "replaced and its replacement registered|replacement media node",
                    type("medianode.registered").or(detail("asg.lifecycle", "state", "inservice"))),
            ofAny("media group grown with its new node registered", "grown from .* registered",
                    type("medianode.registered").or(detail("asg.lifecycle", "state", "inservice"))),
            of("media node deregistered", "media node.*(deregistered|unregistered|gone|left|leaves|removed|dropped"
                    + "|listed by no|no longer listed)", type("medianode.deregistered", "medianode.crashed")),
            of("media node registered", "registered", type("medianode.registered")),
            of("target left the healthy set", "(unhealthy|draining|no longer (healthy|served|routed)|dropped"
                    + "|out of the target group)", type("target.unhealthy", "target.draining", "target.unused",
                    "target.deregistered")),
            of("target healthy", "healthy", type("target.healthy")),
            of("configuration persisted", "persisted|S3 \\.env", type("s3.put")),
            of("masters restarted", "restart|serving|serves? the new|new value", type("master.restarted")),
            of("instance in service", "in ?service", detail("asg.lifecycle", "state", "inservice")),
            of("group back to its members", "back to its .*members", detail("asg.lifecycle", "state", "terminated")),
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
