package dev.ovha.twin.openvidu;

/** A request the OpenVidu cluster refuses, with the kind of refusal and OpenVidu's explanation. */
public final class ClusterRejection extends RuntimeException {

    public enum Kind { BAD_REQUEST, NOT_FOUND, CONFLICT, NOT_ALLOWED }

    private final Kind kind;

    public ClusterRejection(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
