package dev.ovha.twin.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST-XML protocol as S3 speaks it. Output documents have a root element named by the API model
 * (not by the operation) and <em>flattened</em> lists: every entry of a list member is an element with
 * the member's name and no wrapper ({@code <Contents>…</Contents><Contents>…</Contents>}); a wrapped
 * list is a nested {@link Struct} holding a flattened one. Errors are {@code <Error>} documents whose
 * code the SDK reads from {@code <Code>}; a HEAD error has no body at all, as in S3, and the SDK then
 * derives the error from the status (404 on HeadObject → NoSuchKeyException).
 *
 * <p>Every answer carries {@code x-amz-request-id} and {@code x-amz-id-2}, where S3 clients look for
 * request ids. Nothing here adds {@code x-amz-crc32} or {@code Content-Encoding}: the SDK validates or
 * decodes those on every response.
 */
public final class RestXmlCodec {

    private static final String HOST_ID = "ovha-twin";

    private final String xmlns;

    public RestXmlCodec(String xmlns) {
        this.xmlns = xmlns;
    }

    /** The headers every answer carries. */
    public Map<String, String> baseHeaders(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-request-id", requestId);
        headers.put("x-amz-id-2", HOST_ID);
        return headers;
    }

    /** A 200 whose body is the document {@code <root xmlns>members</root>}. */
    public HttpReply document(String root, Struct output, String requestId) {
        XmlWriter xml = new XmlWriter().declaration().open(root, xmlns);
        members(xml, output);
        xml.close(root);
        return xml(200, xml.toString(), requestId);
    }

    /** A 200 whose body is one element holding text, e.g. GetBucketLocation's {@code <LocationConstraint>}. */
    public HttpReply textDocument(String root, String text, String requestId) {
        String xml = new XmlWriter().declaration().open(root, xmlns).toString() + XmlWriter.escape(text) + "</" + root + ">";
        return xml(200, xml, requestId);
    }

    /** An answer without a body: PutObject's 200, DeleteObject's 204, HeadBucket, a 304. */
    public HttpReply empty(int status, Map<String, String> headers, String requestId) {
        Map<String, String> all = baseHeaders(requestId);
        all.putAll(headers);
        return new HttpReply(status, "application/xml", all, new byte[0]);
    }

    public HttpReply error(AwsError error, boolean head, String requestId) {
        if (head) {
            return empty(error.status(), Map.of(), requestId);
        }
        XmlWriter xml = new XmlWriter().declaration().open("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage());
        error.details().forEach(xml::element);
        xml.element("RequestId", requestId).element("HostId", HOST_ID).close("Error");
        return xml(error.status(), xml.toString(), requestId);
    }

    private HttpReply xml(int status, String body, String requestId) {
        return new HttpReply(status, "application/xml", baseHeaders(requestId), body.getBytes(StandardCharsets.UTF_8));
    }

    private static void members(XmlWriter xml, Struct struct) {
        struct.members().forEach((name, value) -> value(xml, name, value));
    }

    private static void value(XmlWriter xml, String name, Object value) {
        if (value instanceof Struct nested) {
            xml.open(name);
            members(xml, nested);
            xml.close(name);
        } else if (value instanceof List<?> list) {
            list.forEach(entry -> value(xml, name, entry));
        } else {
            xml.element(name, XmlWriter.scalar(value));
        }
    }
}
