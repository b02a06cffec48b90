package dev.ovha.twin.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An Auto Scaling group's configuration and members; its behaviour lives in {@link AutoScalingState}. */
public final class AutoScalingGroup {

    /** Activities kept per group; older ones are forgotten, as AWS forgets them after six weeks. */
    private static final int ACTIVITY_HISTORY = 500;

    private final String name;
    private final String arn;
    private final String logicalId;
    private final LaunchTemplateRef launchTemplate;
    private final Instant createdTime;
    private final List<String> targetGroupArns;
    private final List<GroupTag> tags;
    private final boolean newInstancesProtectedFromScaleIn;
    private final Map<String, GroupInstance> instances = new LinkedHashMap<>();
    private final List<LifecycleHook> hooks = new ArrayList<>();
    private final List<ScalingPolicy> policies = new ArrayList<>();
    private final List<ScalingActivity> activities = new ArrayList<>();
    private final Set<String> suspendedProcesses = new LinkedHashSet<>();
    private int minSize;
    private int maxSize;
    private int desiredCapacity;
    private int defaultCooldown = 300;
    private String healthCheckType;
    private Duration healthCheckGracePeriod;
    private List<Subnet> subnets;
    private String pendingCause;

    public AutoScalingGroup(String name, String arn, String logicalId, LaunchTemplateRef launchTemplate, Instant createdTime,
                            int minSize, int maxSize, int desiredCapacity, String healthCheckType,
                            Duration healthCheckGracePeriod, List<Subnet> subnets, List<String> targetGroupArns,
                            List<GroupTag> tags, boolean newInstancesProtectedFromScaleIn) {
        this.name = name;
        this.arn = arn;
        this.logicalId = logicalId;
        this.launchTemplate = launchTemplate;
        this.createdTime = createdTime;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.desiredCapacity = desiredCapacity;
        this.healthCheckType = healthCheckType;
        this.healthCheckGracePeriod = healthCheckGracePeriod;
        this.subnets = List.copyOf(subnets);
        this.targetGroupArns = List.copyOf(targetGroupArns);
        this.tags = List.copyOf(tags);
        this.newInstancesProtectedFromScaleIn = newInstancesProtectedFromScaleIn;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    /** The CloudFormation logical id of the resource that created the group. */
    public String logicalId() {
        return logicalId;
    }

    public LaunchTemplateRef launchTemplate() {
        return launchTemplate;
    }

    public Instant createdTime() {
        return createdTime;
    }

    public int minSize() {
        return minSize;
    }

    public int maxSize() {
        return maxSize;
    }

    public int desiredCapacity() {
        return desiredCapacity;
    }

    public int defaultCooldown() {
        return defaultCooldown;
    }

    public String healthCheckType() {
        return healthCheckType;
    }

    public Duration healthCheckGracePeriod() {
        return healthCheckGracePeriod;
    }

    public List<Subnet> subnets() {
        return subnets;
    }

    public List<String> targetGroupArns() {
        return targetGroupArns;
    }

    public List<GroupTag> tags() {
        return tags;
    }

    public boolean newInstancesProtectedFromScaleIn() {
        return newInstancesProtectedFromScaleIn;
    }

    public Collection<GroupInstance> instances() {
        return Collections.unmodifiableCollection(instances.values());
    }

    public Optional<GroupInstance> instance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    public List<LifecycleHook> hooks() {
        return Collections.unmodifiableList(hooks);
    }

    public List<ScalingPolicy> policies() {
        return Collections.unmodifiableList(policies);
    }

    /** Newest first, as DescribeScalingActivities lists them. */
    public List<ScalingActivity> activities() {
        List<ScalingActivity> newestFirst = new ArrayList<>(activities);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public Set<String> suspendedProcesses() {
        return Collections.unmodifiableSet(suspendedProcesses);
    }

    public boolean isSuspended(String process) {
        return suspendedProcesses.contains(process);
    }

    public Optional<LifecycleHook> hook(String transition) {
        return hooks.stream().filter(h -> h.transition().equals(transition)).findFirst();
    }

    /** Instances that count towards capacity (not on their way out). */
    public List<GroupInstance> activeInstances() {
        return instances.values().stream().filter(i -> i.lifecycleState().countsTowardsCapacity()).toList();
    }

    public void addHook(LifecycleHook hook) {
        hooks.add(hook);
    }

    public void addPolicy(ScalingPolicy policy) {
        policies.add(policy);
    }

    public void suspend(String process) {
        suspendedProcesses.add(process);
    }

    public void resume(String process) {
        suspendedProcesses.remove(process);
    }

    void setSizes(int min, int max, int desired) {
        this.minSize = min;
        this.maxSize = max;
        this.desiredCapacity = desired;
    }

    void setHealthCheck(String type, Duration gracePeriod) {
        this.healthCheckType = type;
        this.healthCheckGracePeriod = gracePeriod;
    }

    void setDefaultCooldown(int seconds) {
        this.defaultCooldown = seconds;
    }

    void setSubnets(List<Subnet> subnets) {
        this.subnets = List.copyOf(subnets);
    }

    void add(GroupInstance instance) {
        instances.put(instance.instanceId(), instance);
    }

    void remove(String instanceId) {
        instances.remove(instanceId);
    }

    void record(ScalingActivity activity) {
        activities.add(activity);
        if (activities.size() > ACTIVITY_HISTORY) {
            activities.remove(0);
        }
    }

    /** The explanation of the last user-requested capacity change, used once by the next launch or termination. */
    String takePendingCause() {
        String cause = pendingCause;
        pendingCause = null;
        return cause == null ? "" : cause + "  ";
    }

    void setPendingCause(String cause) {
        this.pendingCause = cause;
    }
}
