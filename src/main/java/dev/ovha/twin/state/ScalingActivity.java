package dev.ovha.twin.state;

import java.time.Instant;

/** One scaling activity: a launch or a termination, with AWS's wording of why it happened. */
public final class ScalingActivity {

    private final String id;
    private final String groupName;
    private final String groupArn;
    private final String description;
    private final String cause;
    private final Instant startTime;
    private final String details;
    private Instant endTime;
    private String statusCode = "InProgress";
    private String statusMessage;
    private int progress;

    ScalingActivity(String id, String groupName, String groupArn, String description, String cause, Instant startTime,
                    String details) {
        this.id = id;
        this.groupName = groupName;
        this.groupArn = groupArn;
        this.description = description;
        this.cause = cause;
        this.startTime = startTime;
        this.details = details;
    }

    public String id() {
        return id;
    }

    public String groupName() {
        return groupName;
    }

    public String groupArn() {
        return groupArn;
    }

    public String description() {
        return description;
    }

    public String cause() {
        return cause;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public String statusCode() {
        return statusCode;
    }

    public String statusMessage() {
        return statusMessage;
    }

    public int progress() {
        return progress;
    }

    public String details() {
        return details;
    }

    void progress(String statusCode, int progress) {
        this.statusCode = statusCode;
        this.progress = progress;
    }

    void finish(Instant at) {
        this.statusCode = "Successful";
        this.progress = 100;
        this.endTime = at;
    }
}
