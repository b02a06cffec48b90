package dev.ovha.openvidu;

/**
 * What the vendor tells OpenVidu Enterprise HA applications to retry while a master fails over
 * ({@code openvidu-ha.md} §2.4): any REST operation answered with 500-504, and a 404 while creating a
 * session (the owner of an existing custom session id may just have died). Nothing else.
 */
public enum RetryPolicy {
    /** Every call: 500-504 only. */
    SERVER_ERRORS,
    /** Session creation: 500-504 and 404. */
    SESSION_CREATION;

    public boolean retries(int status) {
        return (status >= 500 && status <= 504) || (this == SESSION_CREATION && status == 404);
    }
}
