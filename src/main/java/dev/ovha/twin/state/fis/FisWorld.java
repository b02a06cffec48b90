package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.Ec2State;

import java.util.function.Predicate;

/**
 * The parts of the twin FIS acts on and watches: EC2 (instances, and the VPC's network), whether SSM
 * can reach an instance, whether a stop-condition alarm (by ARN) is in ALARM, CloudWatch's CPU through
 * {@link CpuStress}, and the shared instance watch.
 */
record FisWorld(Sim sim, Ec2State ec2, Predicate<String> ssmReachable, Predicate<String> alarmInAlarm,
                CpuStress cpuStress, InstanceWatch watch) {
}
