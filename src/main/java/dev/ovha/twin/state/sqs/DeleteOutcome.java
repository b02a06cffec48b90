package dev.ovha.twin.state.sqs;

/** What a delete by receipt handle did. */
public enum DeleteOutcome {
    /** The message was in flight under this handle and is gone now. */
    DELETED,
    /** The handle was valid but its message is already gone (deleted or expired): AWS answers success. */
    ALREADY_GONE,
    /**
     * The handle belongs to an earlier receive: the message became visible again (and may have been
     * received by someone else). FIFO queues refuse such a delete.
     */
    EXPIRED,
    /** The twin never issued this handle. */
    UNKNOWN
}
