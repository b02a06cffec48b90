package dev.ovha.twin.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stacks the twin knows. Stacks are seeded; the twin does not create or update them. */
public final class CloudFormationState {

    private final Map<String, Stack> stacks = new LinkedHashMap<>();

    public void put(Stack stack) {
        stacks.put(stack.name(), stack);
    }

    public List<Stack> stacks() {
        return List.copyOf(stacks.values());
    }

    /** By name or by stack id (ARN), as CloudFormation accepts either. */
    public Optional<Stack> find(String nameOrId) {
        Stack byName = stacks.get(nameOrId);
        if (byName != null) {
            return Optional.of(byName);
        }
        return stacks.values().stream().filter(s -> s.id().equals(nameOrId)).findFirst();
    }

    /** The stack owning the resource with this physical id, if any. */
    public Optional<Stack> ownerOf(String physicalId) {
        return stacks.values().stream()
                .filter(s -> s.resources().stream().anyMatch(r -> r.physicalId().equals(physicalId)))
                .findFirst();
    }
}
