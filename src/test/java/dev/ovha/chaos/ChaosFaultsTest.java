package dev.ovha.chaos;

import dev.ovha.config.Timeouts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.state.InstanceState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The @disruptive scenarios' faults through the real SDK against a twin on a manual clock. */
class ChaosFaultsTest {
    @TempDir
    Path dir;
    private TwinStack stack;
    private UndoJournal journal;

    @BeforeEach
    void start() {
        stack = new TwinStack(TwinOptions.deterministic());
        journal = stack.journal(dir.resolve("undo-journal.jsonl"), "run-now");
    }

    @AfterEach
    void stop() {
        journal.close();
        stack.close();
    }

    private FaultContext context(boolean dryRun, FisRole role) {
        String account = stack.aws.sts().getCallerIdentity().account();
        return new FaultContext(TwinStack.twinGuard(dryRun), stack.facts(), journal, stack.aws, role,
                stack.twin.endpoints().region(), account, new Timeouts(Duration.ofSeconds(10), Duration.ofMillis(50)), StopFlag.NEVER);
    }

    private FisRole twinRole() {
        return new FisRole(Optional.of("arn:aws:iam::123456789012:role/ovha-twin-fis"));
    }

    private List<String> masters() {
        return stack.twin.inWorld(w -> w.masterGroup().instances().stream().map(i -> i.instanceId()).sorted().toList());
    }

    private InstanceState state(String instanceId) {
        return stack.twin.inWorld(w -> w.ec2().instance(instanceId).orElseThrow().state());
    }

    @Test
    void fisTerminatesExactlyOneRunningMasterAndTheJournalHoldsTemplateAndExperiment() {
        List<String> before = masters();
        Injection injection = stack.whileTimePasses(() -> new MasterTerminationFault(context(false, twinRole()))
                .inject("Master termination", stack.masterGroup(), before));

        assertThat(injection.method()).startsWith("FIS experiment").contains("aws:ec2:terminate-instances", "COUNT(1)");
        assertThat(injection.targets()).hasSize(1).isSubsetOf(before);
        assertThat(injection.made()).isTrue();
        stack.twin.advance(Duration.ofSeconds(20));
        assertThat(state(injection.targets().get(0))).isIn(InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED);
        assertThat(journal.pending()).extracting(e -> e.undo().describe())
                .allMatch(d -> d.startsWith("delete the FIS experiment template") || d.startsWith("stop the FIS experiment"))
                .hasSize(2);
    }

    @Test
    void withoutAnFisRoleOneServingMasterIsTerminatedDirectlyAndTheGroupSizeJournalled() {
        List<String> before = masters();
        Injection injection = new MasterTerminationFault(context(false, new FisRole(Optional.empty())))
                .inject("Master termination", stack.masterGroup(), before);

        assertThat(injection.method()).isEqualTo("EC2 TerminateInstances directly (no FIS role configured)");
        assertThat(injection.targets()).containsExactly(before.get(0));
        assertThat(state(before.get(0))).isIn(InstanceState.SHUTTING_DOWN, InstanceState.TERMINATED);
        assertThat(journal.pending()).singleElement().satisfies(e -> {
            assertThat(e.change()).startsWith("terminate " + before.get(0) + " of " + stack.masterGroup());
            assertThat(e.undo()).isEqualTo(new RestoreCapacity(stack.masterGroup(), 2, null, null));
        });
    }

    @Test
    void aDryRunResolvesTheVictimWithSkipAllAndTouchesNothing() {
        List<String> before = masters();
        Injection injection = stack.whileTimePasses(() -> new MasterTerminationFault(context(true, twinRole()))
                .inject("Master termination", stack.masterGroup(), before));

        assertThat(injection.made()).isFalse();
        assertThat(injection.describe()).startsWith("DRY RUN, nothing touched");
        assertThat(injection.experiment().orElseThrow().actionsMode()).isEqualTo("skip-all");
        assertThat(injection.targets()).hasSize(1).isSubsetOf(before);
        stack.twin.advance(Duration.ofSeconds(30));
        assertThat(before).allMatch(id -> state(id) == InstanceState.RUNNING);
    }

    @Test
    void aMasterFaultIsRefusedWithFewerHealthyMastersThanTheMinimum() {
        assertThatThrownBy(() -> new MasterTerminationFault(context(false, twinRole()))
                .inject("Master termination", stack.masterGroup(), masters().subList(0, 1)))
                .isInstanceOf(ChaosRefused.class).hasMessageContaining("only 1 healthy master(s)");
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void faultsThatNeedFisAreSkippedWithoutARole() {
        assertThatThrownBy(() -> new CpuStressFault(context(false, new FisRole(Optional.empty())))
                .inject("CPU", stack.mediaGroup()))
                .isInstanceOf(ChaosRefused.class).hasMessageContaining("needs AWS FIS").hasMessageContaining("ovha.fis.roleArn");
    }

    @Test
    void aZoneOutageCutsTheSubnetForItsDurationThenFisGivesItBack() {
        String subnet = stack.twin.inWorld(w -> w.ec2().subnets().get(0).id());
        ZoneOutageFault fault = new ZoneOutageFault(context(false, twinRole()));
        Injection injection = stack.whileTimePasses(() -> fault.inject("Zone", subnet, 1, 2, Duration.ofMinutes(1)));

        assertThat(injection.targets()).containsExactly(subnet);
        assertThat(stack.twin.<List<String>>inWorld(w -> w.network().cutSubnets())).containsExactly(subnet);
        ExperimentRun ended = stack.whileTimePasses(() -> fault.awaitEnd(injection, Duration.ofSeconds(30)));
        assertThat(ended.status()).isEqualTo("completed");
        assertThat(stack.twin.<List<String>>inWorld(w -> w.network().cutSubnets())).isEmpty();
    }

    @Test
    void aZoneOutageIsRefusedWhenTheSubnetHoldsTwoMasters() {
        assertThatThrownBy(() -> new ZoneOutageFault(context(false, twinRole())).inject("Zone", "subnet-1", 2, 3,
                Duration.ofMinutes(1))).isInstanceOf(ChaosRefused.class).hasMessageContaining("at most one master");
    }

    @Test
    void aCpuStressTargetsEveryRunningMediaNodeAndJournalsTheMediaCapacityFirst() {
        Injection injection = stack.whileTimePasses(() -> new CpuStressFault(context(false, twinRole()))
                .inject("CPU", stack.mediaGroup()));

        List<String> media = stack.twin.inWorld(w -> w.mediaGroup().instances().stream().map(i -> i.instanceId()).toList());
        assertThat(injection.targets()).containsExactlyInAnyOrderElementsOf(media);
        assertThat(journal.pending().get(0).undo()).isInstanceOf(RestoreGroupMembers.class);
        assertThat(journal.pending()).hasSize(3);
    }
}
