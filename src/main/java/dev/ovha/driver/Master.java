package dev.ovha.driver;

import java.util.Optional;

/**
 * One master node: a member of the master group, seen from Auto Scaling, EC2 and the target group.
 *
 * @param instanceId     EC2 instance id
 * @param zone           availability zone
 * @param lifecycleState the group's lifecycle state (InService, Pending, Terminating, ...)
 * @param privateIp      its private IP (the masters' health ids are {@code master_<ip>})
 * @param target         its registration in the target group, if registered
 */
public record Master(String instanceId, String zone, String lifecycleState, String privateIp,
                     Optional<TargetView> target) {

    /** In service and a healthy target: a master the load balancer sends requests to. */
    public boolean serving() {
        return lifecycleState.equals("InService") && target.map(TargetView::healthy).orElse(false);
    }

    /** {@code i-0abc (us-east-1a, InService, unhealthy (Target.ResponseCodeMismatch: ...))}, for messages. */
    public String describe() {
        return instanceId + " (" + zone + ", " + lifecycleState + ", "
                + target.map(TargetView::explained).orElse("not registered in the target group") + ")";
    }
}
