package dev.ovha.twin.openvidu.rest;

/** An OpenVidu REST error: a status and the plain-text message OpenVidu sends with it. */
final class RestError extends RuntimeException {

    private final int status;

    RestError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
