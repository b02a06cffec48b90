package dev.ovha.twin.openvidu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.twin.sim.Fault;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.Ec2State;
import dev.ovha.twin.state.Instance;
import dev.ovha.twin.state.sqs.ReceivedMessage;
import dev.ovha.twin.state.sqs.SqsState;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Each serving master's replication-manager reading the stack's FIFO queue: it logs every notification,
 * registers a media node on its launch event and deregisters it on its terminate event, then deletes the
 * message — so each message is handled by exactly one master, whichever asks first. Masters poll at
 * staggered phases of {@code queuePollInterval}, so which master handles a message varies, as with SQS.
 */
final class ReplicationManagerConsumer {

    /** The replication-manager's logger for everything that comes through the queue. */
    static final String LISTENER = "i.o.r.m.s.SQSNotificationListenerAWS";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sim sim;
    private final SqsState sqs;
    private final Ec2State ec2;
    private final OpenViduCluster cluster;
    private final String queue;

    ReplicationManagerConsumer(Sim sim, SqsState sqs, Ec2State ec2, OpenViduCluster cluster, String queue) {
        this.sim = sim;
        this.sqs = sqs;
        this.ec2 = ec2;
        this.cluster = cluster;
        this.queue = queue;
    }

    /** Starts {@code master}'s polling loop; it ends when the master stops serving (a restart starts a new one). */
    void start(MasterNode master, int phase) {
        Duration interval = sim.timings().queuePollInterval();
        long generation = master.generation();
        Duration offset = interval.multipliedBy(phase % 4 + 1).dividedBy(5);
        sim.after(offset, "rm poll " + master.instanceId(), () -> poll(master, generation));
    }

    private void poll(MasterNode master, long generation) {
        if (master.generation() != generation || master.status() != MasterStatus.UP) {
            return;
        }
        if (cluster.reachable(master.instanceId()) && !sim.has(Fault.EVENTS_NOT_CONSUMED)) {
            Optional<ReceivedMessage> message = sqs.receive(queue);
            message.ifPresent(m -> {
                handle(master, m.body());
                sqs.delete(queue, m.receiptHandle());
            });
        }
        sim.after(sim.timings().queuePollInterval(), "rm poll " + master.instanceId(), () -> poll(master, generation));
    }

    private void handle(MasterNode master, String body) {
        master.log().replicationManager(sim.now(), "INFO", LISTENER, "Notification content: " + body);
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException e) {
            master.log().replicationManager(sim.now(), "ERROR", LISTENER, "Cannot parse notification: " + e.getMessage());
            return;
        }
        if (!"aws.autoscaling".equals(event.path("source").asText())) {
            return;
        }
        String transition = event.path("detail").path("LifecycleTransition").asText();
        String instanceId = event.path("detail").path("EC2InstanceId").asText();
        Optional<Instance> instance = ec2.instance(instanceId);
        if (transition.endsWith("EC2_INSTANCE_LAUNCHING")) {
            if (instance.isPresent() && !sim.has(Fault.LAUNCH_NOT_REGISTERED)) {
                cluster.registerMediaNode(master, instance.get());
            }
        } else if (transition.endsWith("EC2_INSTANCE_TERMINATING") && !sim.has(Fault.TERMINATE_NOT_DEREGISTERED)) {
            cluster.deregisterMediaNode(master, instanceId, instance.map(Instance::privateIp).orElse("unknown"));
        }
    }
}
