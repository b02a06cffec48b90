package dev.ovha.twin.service.s3;

import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.protocol.RestRequest;
import dev.ovha.twin.protocol.RestXmlCodec;
import dev.ovha.twin.protocol.Struct;

import java.util.Map;

/** One S3 request being answered: the resolved operation, the request, and the codec that writes answers. */
record S3Call(S3Operation operation, RestRequest request, RestXmlCodec codec) {

    String bucket() {
        return operation.bucket().orElseThrow();
    }

    String key() {
        return operation.key().orElseThrow();
    }

    String requestId() {
        return request.requestId();
    }

    HttpReply document(String root, Struct output) {
        return codec.document(root, output, requestId());
    }

    HttpReply empty(int status, Map<String, String> headers) {
        return codec.empty(status, headers, requestId());
    }
}
