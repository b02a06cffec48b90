package dev.ovha.twin.sdk;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2SdkTest extends TwinSdkTestBase {

    @Test
    void thePaginatorSeesEveryInstanceAcrossPages() {
        List<Instance> all = aws.ec2().describeInstancesPaginator(r -> { }).reservations().stream()
                .flatMap(r -> r.instances().stream()).toList();
        assertThat(all).hasSize(4);
        assertThat(aws.ec2().describeInstances(r -> { }).reservations()).as("one page is not all").hasSize(3);
        Instance one = all.get(0);
        assertThat(one.state().name()).isEqualTo(InstanceStateName.RUNNING);
        assertThat(one.state().code()).isEqualTo(16);
        assertThat(one.placement().availabilityZone()).startsWith("us-east-1");
        assertThat(one.privateIpAddress()).startsWith("10.0.");
        assertThat(one.launchTime()).isNotNull();
        assertThat(one.tags()).extracting(Tag::key).contains("aws:autoscaling:groupName", "aws:cloudformation:stack-name");
    }

    @Test
    void filtersByGroupTagStateAndZone() {
        List<Instance> media = instances(Filter.builder().name("tag:aws:autoscaling:groupName").values(mediaGroup()).build(),
                Filter.builder().name("instance-state-name").values("running", "pending").build());
        assertThat(media).hasSize(2);
        assertThat(instances(Filter.builder().name("availability-zone").values("us-east-1b").build())).hasSize(2);
        assertThat(instances(Filter.builder().name("tag:Name").values("*Master Node").build())).hasSize(2);
    }

    @Test
    void terminateStopAndStartMoveInstancesThroughTheirStates() {
        List<Instance> media = instances(Filter.builder().name("tag:ov-cluster-member").values("kms").build());
        String first = media.get(0).instanceId();
        String second = media.get(1).instanceId();
        InstanceStateChange terminating = aws.ec2().terminateInstances(r -> r.instanceIds(first)).terminatingInstances().get(0);
        assertThat(terminating.currentState().name()).isEqualTo(InstanceStateName.SHUTTING_DOWN);
        assertThat(terminating.previousState().name()).isEqualTo(InstanceStateName.RUNNING);
        InstanceStateChange stopping = aws.ec2().stopInstances(r -> r.instanceIds(second)).stoppingInstances().get(0);
        assertThat(stopping.currentState().name()).isEqualTo(InstanceStateName.STOPPING);
        twin.advance(Duration.ofSeconds(20));
        assertThat(state(first)).isEqualTo(InstanceStateName.TERMINATED);
        assertThat(state(second)).isEqualTo(InstanceStateName.STOPPED);
        assertThat(aws.ec2().startInstances(r -> r.instanceIds(second)).startingInstances().get(0).currentState().name())
                .isEqualTo(InstanceStateName.PENDING);
        assertThatThrownBy(() -> aws.ec2().stopInstances(r -> r.instanceIds(first)))
                .isInstanceOfSatisfying(Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IncorrectInstanceState"));
    }

    @Test
    void subnetsAndZones() {
        List<Subnet> subnets = aws.ec2().describeSubnetsPaginator(r -> { }).subnets().stream().toList();
        assertThat(subnets).extracting(Subnet::availabilityZone).containsExactly("us-east-1a", "us-east-1b");
        List<AvailabilityZone> zones = aws.ec2().describeAvailabilityZones().availabilityZones();
        assertThat(zones).extracting(AvailabilityZone::zoneName).containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(zones.get(0).stateAsString()).isEqualTo("available");
    }

    @Test
    void errorsCarryEc2Codes() {
        assertThatThrownBy(() -> aws.ec2().describeInstances(r -> r.instanceIds("i-0000000000000dead")))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> instances(Filter.builder().name("colour").values("blue").build()))
                .isInstanceOfSatisfying(Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void anUnimplementedOperationFailsOnceWithA400NamingIt() {
        long before = twin.awsRequestCount();
        assertThatThrownBy(() -> aws.ec2().describeVpcs())
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("DescribeVpcs", "EC2");
                });
        assertThat(twin.awsRequestCount() - before).as("a 400 is not retried").isEqualTo(1);
    }

    private List<Instance> instances(Filter... filters) {
        return aws.ec2().describeInstancesPaginator(r -> r.filters(filters)).reservations().stream()
                .flatMap(r -> r.instances().stream()).toList();
    }

    private InstanceStateName state(String id) {
        return aws.ec2().describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state().name();
    }
}
