package dev.ovha.rules;

import dev.ovha.driver.AlarmView;
import dev.ovha.driver.GroupView;
import dev.ovha.driver.LifecycleHookView;
import dev.ovha.driver.ScalingPolicyView;
import dev.ovha.driver.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Auto Scaling groups are what the stack parameters and the template made them. */
public final class AutoScalingRules {
    /** The template's cooldown of both media scaling policies. */
    static final int TEMPLATE_COOLDOWN = 60;
    /** The template's heartbeat of both media lifecycle hooks. */
    static final int TEMPLATE_HEARTBEAT = 30;
    /** The template's CPU alarms: one 60-second period evaluated. */
    static final int TEMPLATE_ALARM_PERIOD = 60;
    static final int TEMPLATE_EVALUATION_PERIODS = 1;

    private AutoScalingRules() {
    }

    /**
     * Master group: min, max and desired equal the parameters. Media group: min and max equal them, and the
     * desired capacity lies between them (the CPU alarms move it: that is autoscaling at work).
     */
    public static List<String> sizesMatchParameters(GroupView masters, GroupView media, Stack stack) {
        List<String> defects = new ArrayList<>();
        compare(defects, masters, "MinSize", masters.minSize(), stack, "MinMasterNodes");
        compare(defects, masters, "MaxSize", masters.maxSize(), stack, "MaxMasterNodes");
        compare(defects, masters, "DesiredCapacity", masters.desiredCapacity(), stack, "DesiredMasterNodes");
        compare(defects, media, "MinSize", media.minSize(), stack, "MinMediaNodes");
        compare(defects, media, "MaxSize", media.maxSize(), stack, "MaxMediaNodes");
        if (media.desiredCapacity() < media.minSize() || media.desiredCapacity() > media.maxSize()) {
            defects.add("Media group " + media.name() + ": desired capacity " + media.desiredCapacity()
                    + " lies outside MinSize " + media.minSize() + " .. MaxSize " + media.maxSize() + ".");
        }
        if (!defects.isEmpty()) {
            defects.add("The groups were resized outside CloudFormation: set them back, or change the stack's"
                    + " parameters (CloudFormation → Update → Use current template), which is how the vendor says"
                    + " to change autoscaling settings.");
        }
        return defects;
    }

    /** The media group scales by simple ±1 steps with the template's cooldown, each triggered by an alarm. */
    public static List<String> mediaPoliciesAsTemplate(List<ScalingPolicyView> policies, String groupName) {
        List<String> defects = new ArrayList<>();
        for (int adjustment : new int[]{1, -1}) {
            List<ScalingPolicyView> matching = policies.stream().filter(p -> p.scalingAdjustment() == adjustment
                    && p.policyType().equals("SimpleScaling") && p.adjustmentType().equals("ChangeInCapacity")).toList();
            if (matching.isEmpty()) {
                defects.add("Media group " + groupName + " has no simple scaling policy changing the capacity by "
                        + (adjustment > 0 ? "+1" : "-1") + ".");
            }
            matching.stream().filter(p -> !p.cooldownSeconds().equals(Optional.of(TEMPLATE_COOLDOWN)))
                    .forEach(p -> defects.add("Policy " + p.name() + " has cooldown " + p.cooldownSeconds()
                            .map(c -> c + " s").orElse("(none)") + ", expected the template's " + TEMPLATE_COOLDOWN + " s."));
            matching.stream().filter(p -> p.alarmNames().isEmpty())
                    .forEach(p -> defects.add("Policy " + p.name() + " is triggered by no CloudWatch alarm, so it never runs."));
        }
        List<ScalingPolicyView> others = policies.stream().filter(p -> Math.abs(p.scalingAdjustment()) != 1
                || !p.policyType().equals("SimpleScaling") || !p.adjustmentType().equals("ChangeInCapacity")).toList();
        if (!others.isEmpty()) {
            defects.add("Media group " + groupName + " has policies the template does not create: " + others.stream()
                    .map(p -> p.name() + " (" + p.policyType() + ", " + p.adjustmentType() + " "
                            + signed(p.scalingAdjustment()) + ")").collect(Collectors.joining("; "))
                    + ". The template scales media nodes one at a time; a policy edited outside CloudFormation"
                    + " changes how fast the cluster grows and shrinks: restore it, or update the stack.");
        }
        return defects;
    }

    /**
     * Two hooks hold media instances for the masters: launching with CONTINUE, terminating with ABANDON,
     * both with the template's heartbeat. Without them no lifecycle event reaches the masters.
     */
    public static List<String> mediaHooksAsTemplate(List<LifecycleHookView> hooks, String groupName) {
        List<String> defects = new ArrayList<>();
        hook(defects, hooks, groupName, "autoscaling:EC2_INSTANCE_LAUNCHING", "CONTINUE", "launch");
        hook(defects, hooks, groupName, "autoscaling:EC2_INSTANCE_TERMINATING", "ABANDON", "termination");
        return defects;
    }

    /**
     * The media CPU alarms watch the media group's average CPU every minute (one evaluation period, as the
     * template sets), with the thresholds of the stack's ScaleUp/ScaleDown parameters, and trigger the
     * stack's +1 and -1 policies.
     */
    public static List<String> cpuAlarmsAsTemplate(Stack stack, Optional<AlarmView> high, Optional<AlarmView> low) {
        List<String> defects = new ArrayList<>();
        alarm(defects, stack, "MediaNodeCPUAlarmHigh", high, "ScaleUpMediaNodesAvgCpu", "GreaterThanThreshold",
                "MediaNodeScaleUpPolicy");
        alarm(defects, stack, "MediaNodeCPUAlarmLow", low, "ScaleDownMediaNodesAvgCpu", "LessThanThreshold",
                "MediaNodeScaleDownPolicy");
        if (!defects.isEmpty()) {
            defects.add("The alarms were changed outside CloudFormation: change the thresholds through the stack's"
                    + " ScaleUpMediaNodesAvgCpu and ScaleDownMediaNodesAvgCpu parameters (CloudFormation → Update → Use"
                    + " current template), which is how the vendor says to change autoscaling, or set the alarms back.");
        }
        return defects;
    }

    private static void alarm(List<String> defects, Stack stack, String logicalId, Optional<AlarmView> found,
                              String parameter, String comparison, String policyId) {
        if (found.isEmpty()) {
            defects.add("Stack " + stack.name() + " has no " + logicalId + " alarm in CloudWatch ("
                    + stack.physicalId(logicalId).orElse("no such resource") + "), so its media scaling policy never runs.");
            return;
        }
        AlarmView a = found.get();
        String expectedGroup = stack.mediaGroupName();
        if (!a.namespace().equals("AWS/EC2") || !a.metricName().equals("CPUUtilization")
                || !a.dimensions().equals(new java.util.TreeMap<>(java.util.Map.of("AutoScalingGroupName", expectedGroup)))) {
            defects.add("Alarm " + a.name() + " watches " + a.namespace() + " " + a.metricName() + " " + a.dimensions()
                    + ", expected AWS/EC2 CPUUtilization of AutoScalingGroupName=" + expectedGroup + ".");
        }
        if (!a.statistic().equals("Average") || a.periodSeconds() != TEMPLATE_ALARM_PERIOD
                || a.evaluationPeriods() != TEMPLATE_EVALUATION_PERIODS) {
            defects.add("Alarm " + a.name() + " evaluates the " + a.statistic() + " over " + a.evaluationPeriods()
                    + " period(s) of " + a.periodSeconds() + " s, expected the template's Average over "
                    + TEMPLATE_EVALUATION_PERIODS + " period of " + TEMPLATE_ALARM_PERIOD + " s.");
        }
        Optional<String> expected = stack.parameter(parameter);
        boolean sameThreshold = expected.map(v -> {
            try {
                return Math.abs(Double.parseDouble(v.strip()) - a.threshold()) < 1e-9;
            } catch (NumberFormatException e) {
                return false;
            }
        }).orElse(false);
        if (!sameThreshold || !a.comparison().equals(comparison)) {
            defects.add("Alarm " + a.name() + " fires when CPU is " + a.comparison() + " " + number(a.threshold())
                    + " %, but the stack parameter " + parameter + " is " + expected.orElse("(absent)") + " % ("
                    + comparison + " expected).");
        }
        String policy = stack.physicalId(policyId).orElse(policyId);
        if (!a.alarmActions().contains(policy)) {
            defects.add("Alarm " + a.name() + " triggers " + a.alarmActions() + ", not the stack's " + policyId + " ("
                    + policy + "): it no longer scales the media group.");
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void hook(List<String> defects, List<LifecycleHookView> hooks, String groupName, String transition,
                             String defaultResult, String what) {
        Optional<LifecycleHookView> hook = hooks.stream().filter(h -> h.transition().equals(transition)).findFirst();
        if (hook.isEmpty()) {
            defects.add("Media group " + groupName + " has no " + transition + " lifecycle hook, so no " + what
                    + " event reaches the masters (the stack's asg-lifecycle rule matches these hook events) and they"
                    + " never learn of a media node's " + what + ". Restore the hook by updating the stack.");
            return;
        }
        LifecycleHookView h = hook.get();
        if (!h.defaultResult().equals(defaultResult)) {
            defects.add("Hook " + h.name() + " defaults to " + h.defaultResult() + ", expected " + defaultResult + ".");
        }
        if (h.heartbeatSeconds() != TEMPLATE_HEARTBEAT) {
            defects.add("Hook " + h.name() + " has heartbeat " + h.heartbeatSeconds() + " s, expected the template's "
                    + TEMPLATE_HEARTBEAT + " s.");
        }
    }

    private static void compare(List<String> defects, GroupView group, String attribute, int actual, Stack stack,
                                String parameter) {
        Optional<String> expected = stack.parameter(parameter);
        if (expected.isEmpty()) {
            defects.add("Stack " + stack.name() + " has no " + parameter + " parameter to compare " + group.name() + "'s "
                    + attribute + " with.");
        } else if (!expected.get().strip().equals(String.valueOf(actual))) {
            defects.add(group.name() + ": " + attribute + " is " + actual + " but the stack parameter " + parameter
                    + " is " + expected.get() + ".");
        }
    }

    private static String signed(int value) {
        return value > 0 ? "+" + value : String.valueOf(value);
    }
}
