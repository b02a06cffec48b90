package dev.ovha.chaos;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What puts one change back, written to the undo journal before the change is made. Every undo is
 * idempotent (it sets the old state rather than reversing a delta, and says so when there is nothing left
 * to do), because it may be replayed after a crash that happened before, during or after the change. It
 * never holds a secret: the journal is a plain file that ends up in CI artifacts.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RestoreCapacity.class, name = "restore-capacity"),
        @JsonSubTypes.Type(value = RestoreDotEnvKeys.class, name = "restore-dotenv-keys"),
        @JsonSubTypes.Type(value = RestoreConfig.class, name = "restore-config"),
        @JsonSubTypes.Type(value = StopExperiments.class, name = "stop-fis-experiments"),
        @JsonSubTypes.Type(value = DeleteExperimentTemplates.class, name = "delete-fis-templates"),
        @JsonSubTypes.Type(value = RestoreGroupMembers.class, name = "restore-group-members"),
        @JsonSubTypes.Type(value = RestartMasters.class, name = "restart-masters")})
public sealed interface UndoAction
        permits RestoreCapacity, RestoreDotEnvKeys, RestoreConfig, StopExperiments, DeleteExperimentTemplates,
        RestoreGroupMembers, RestartMasters {

    /** One line saying what the undo will do, for the journal and for people. */
    String describe();

    /**
     * Puts the change back.
     *
     * @return one line saying what was done, or that nothing was left to do
     * @throws RuntimeException when it could not; the entry then stays pending for the next cleanup
     */
    String undo(UndoContext context);
}
