package dev.ovha.twin.openvidu;

/** What a master node's replication-manager and OpenVidu server are doing. */
public enum MasterStatus {
    /** The instance runs; the services are starting (nothing listens on 4443 yet). */
    BOOTING,
    /** Serving. */
    UP,
    /** Restarting its containers after a configuration change. */
    RESTARTING,
    /** The instance is stopped, terminated, or unreachable. */
    DOWN
}
