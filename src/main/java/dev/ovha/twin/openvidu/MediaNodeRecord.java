package dev.ovha.twin.openvidu;

import java.time.Instant;

/**
 * A media node as the masters know it: registered when the replication-manager handles its launch
 * event, removed when it handles the terminate event or when the node is found crashed.
 */
public final class MediaNodeRecord {

    private final String environmentId;
    private final String ip;
    private final Instant launchingTime;
    private Instant connectionTime;
    private Instant disconnectionTime;
    private boolean connected;
    private String status;
    private double load;

    public MediaNodeRecord(String environmentId, String ip, Instant launchingTime) {
        this.environmentId = environmentId;
        this.ip = ip;
        this.launchingTime = launchingTime;
        this.status = "launching";
    }

    public String id() {
        return "media_" + environmentId;
    }

    public String environmentId() {
        return environmentId;
    }

    public String ip() {
        return ip;
    }

    /** Where the master connects (the Kurento form; the vendor documents no mediasoup example). */
    public String uri() {
        return "ws://" + ip + ":8888/kurento";
    }

    public Instant launchingTime() {
        return launchingTime;
    }

    public Instant connectionTime() {
        return connectionTime;
    }

    public Instant disconnectionTime() {
        return disconnectionTime;
    }

    public boolean connected() {
        return connected;
    }

    public String status() {
        return status;
    }

    public double load() {
        return load;
    }

    void connect(Instant at) {
        this.connected = true;
        this.connectionTime = at;
        this.disconnectionTime = null;
        this.status = "running";
    }

    void disconnect(Instant at) {
        this.connected = false;
        this.disconnectionTime = at;
    }

    void setStatus(String status) {
        this.status = status;
    }

    void setLoad(double load) {
        this.load = load;
    }
}
