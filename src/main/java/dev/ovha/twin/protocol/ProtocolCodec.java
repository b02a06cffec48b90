package dev.ovha.twin.protocol;

/**
 * Turns a service's neutral output or error into the bytes one AWS protocol puts on the wire. Codecs
 * know nothing about stacks or instances; services know nothing about XML or JSON.
 */
public interface ProtocolCodec {

    HttpReply success(String operation, Struct output, String requestId);

    HttpReply error(AwsError error, String requestId);
}
