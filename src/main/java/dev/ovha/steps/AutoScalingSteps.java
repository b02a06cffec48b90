package dev.ovha.steps;

import dev.ovha.driver.AlarmView;
import dev.ovha.driver.GroupView;
import dev.ovha.driver.LifecycleHookView;
import dev.ovha.driver.ScalingPolicyView;
import dev.ovha.rules.AutoScalingRules;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;

public final class AutoScalingSteps {
    private final StackUnderTest world;
    private GroupView masters;
    private GroupView media;
    private List<ScalingPolicyView> policies;
    private List<LifecycleHookView> hooks;
    private Optional<AlarmView> highCpu;
    private Optional<AlarmView> lowCpu;

    public AutoScalingSteps(StackUnderTest world) {
        this.world = world;
    }

    @Given("the master and media groups as AWS reports them")
    public void groups() {
        masters = world.groups().group(world.stack().masterGroupName());
        media = world.groups().group(world.stack().mediaGroupName());
    }

    @Then("their minimum, maximum and desired sizes match the stack parameters")
    public void sizesMatch() {
        Verdicts.assertNoDefects(AutoScalingRules.sizesMatchParameters(masters, media, world.stack()));
    }

    @When("the media group's scaling policies are read")
    public void readPolicies() {
        policies = world.groups().policies(world.stack().mediaGroupName());
    }

    @Then("there is one +1 and one -1 simple scaling policy, each with the template's cooldown and an alarm")
    public void policiesAsTemplate() {
        Verdicts.assertNoDefects(AutoScalingRules.mediaPoliciesAsTemplate(policies, world.stack().mediaGroupName()));
    }

    @When("the media group's lifecycle hooks are read")
    public void readHooks() {
        hooks = world.groups().hooks(world.stack().mediaGroupName());
    }

    @Then("a launching hook continues and a terminating hook abandons, both after the template's heartbeat")
    public void hooksAsTemplate() {
        Verdicts.assertNoDefects(AutoScalingRules.mediaHooksAsTemplate(hooks, world.stack().mediaGroupName()));
    }

    /** The stack's own alarms, found by the template's logical ids (their names are generated). */
    @When("the media group's CPU alarms are read")
    public void readAlarms() {
        highCpu = world.stack().physicalId("MediaNodeCPUAlarmHigh").flatMap(world.alarms()::alarm);
        lowCpu = world.stack().physicalId("MediaNodeCPUAlarmLow").flatMap(world.alarms()::alarm);
    }

    @Then("each alarm watches the media group's average CPU every minute against its stack parameter and triggers its scaling policy")
    public void alarmsAsTemplate() {
        Verdicts.assertNoDefects(AutoScalingRules.cpuAlarmsAsTemplate(world.stack(), highCpu, lowCpu));
    }
}
