package dev.ovha.twin.service.cloudformation;

import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.state.Stack;
import dev.ovha.twin.state.StackResource;

import java.util.List;

/** CloudFormation output shapes. */
final class CloudFormationShapes {

    private CloudFormationShapes() {
    }

    static Struct stack(Stack s) {
        return Struct.of()
                .put("StackId", s.id())
                .put("StackName", s.name())
                .put("Description", s.description())
                .put("Parameters", s.parameters().stream().map(p -> Struct.of()
                        .put("ParameterKey", p.key())
                        .put("ParameterValue", p.reportedValue())).toList())
                .put("CreationTime", s.creationTime())
                .put("LastUpdatedTime", s.lastUpdatedTime())
                .put("RollbackConfiguration", Struct.of())
                .put("StackStatus", s.status())
                .put("DisableRollback", false)
                .put("NotificationARNs", List.of())
                .put("Capabilities", s.capabilities())
                .put("Outputs", s.outputs().stream().map(o -> Struct.of()
                        .put("OutputKey", o.key())
                        .put("OutputValue", o.value())
                        .put("Description", o.description())).toList())
                .put("Tags", s.tags().entrySet().stream().map(e -> Struct.of()
                        .put("Key", e.getKey()).put("Value", e.getValue())).toList())
                .put("EnableTerminationProtection", false)
                .put("DriftInformation", Struct.of().put("StackDriftStatus", "NOT_CHECKED"));
    }

    static Struct resource(StackResource r, Stack s) {
        return Struct.of()
                .put("StackName", s.name())
                .put("StackId", s.id())
                .put("LogicalResourceId", r.logicalId())
                .put("PhysicalResourceId", r.physicalId())
                .put("ResourceType", r.type())
                .put("Timestamp", r.timestamp())
                .put("ResourceStatus", r.status())
                .put("DriftInformation", Struct.of().put("StackResourceDriftStatus", "NOT_CHECKED"));
    }

    static Struct summary(StackResource r) {
        return Struct.of()
                .put("LogicalResourceId", r.logicalId())
                .put("PhysicalResourceId", r.physicalId())
                .put("ResourceType", r.type())
                .put("LastUpdatedTimestamp", r.timestamp())
                .put("ResourceStatus", r.status())
                .put("DriftInformation", Struct.of().put("StackResourceDriftStatus", "NOT_CHECKED"));
    }
}
