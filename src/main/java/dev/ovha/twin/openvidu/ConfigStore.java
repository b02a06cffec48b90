package dev.ovha.twin.openvidu;

import java.util.Optional;

/**
 * Where the cluster's shared {@code .env} lives (the S3 bucket's root object on AWS). Masters read it
 * at boot, the replication-manager polls its version for changes, and {@code POST /restart} writes it.
 */
public interface ConfigStore {

    /** The current text and a version tag that changes on every write (the S3 ETag). */
    Optional<Versioned> read();

    void write(String text);

    record Versioned(String text, String version) {
    }
}
