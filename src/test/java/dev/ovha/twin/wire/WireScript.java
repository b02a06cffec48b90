package dev.ovha.twin.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.twin.Twin;
import dev.ovha.twin.sim.Fault;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one wire case: a small script of raw HTTP requests to a twin and expectations on the raw
 * answers (status, headers, body; XPath over an XML body, namespaces ignored, as the SDK ignores them;
 * JSON Pointer over a JSON body).
 * <pre>
 * # comment
 * fault master-unhealthy           inject a twin fault
 * advance 45                       let 45 virtual seconds pass
 * header Content-Type: text/plain  extra header for the next request only (Expect: 100-continue makes the
 *                                  client wait for the interim 100 before it sends the body)
 * request ec2 Action=...&Version=… signed POST for that service (SigV4 scope), form body
 * request-unsigned Action=…        no Authorization header
 * rest GET /bucket/key?a=b         REST request signed for scope s3: method, raw path and query, then an
 * rest PUT /bucket/key hello\n     optional body. Body escapes: \r \n \t \\ and \xHH (one byte)
 * rest-json fis POST /experiments {"clientToken":"t","experimentTemplateId":"${EXT}"}
 *                                  REST request signed for the given scope (rest-json services: FIS);
 *                                  a body is sent as-is with Content-Type application/json
 * request-json sqs AmazonSQS.GetQueueUrl {"QueueName":"q"}
 *                                  signed POST with X-Amz-Target and an AWS JSON body
 *                                  (Content-Type application/x-amz-json-1.0 unless a header line says otherwise)
 * status 200
 * response-header x-amzn-ErrorType QueueDoesNotExist   exact value of a response header
 *
 * XML answers (query, EC2):
 * count //reservationSet/item 2
 * text //instanceState/name running        (first match)
 * contains //Error/Message does not exist
 * matches //instanceId i-0[0-9a-f]{16}
 * absent //nextToken
 * first-child /*  DescribeStacksResult     name of the root's first element child
 * save ID //instancesSet/item/instanceId   later lines may use ${ID}
 * response-header ETag "6f5902ac…"         exact value of an answer header (name case-insensitive)
 * response-header-matches Last-Modified \w{3}, \d{2} .*
 * response-header-absent x-amz-crc32
 * save-header TAG ETag                     an answer header into ${TAG}
 * body hello world\n                       the exact answer body, same escapes as rest; "body" alone = empty
 *
 * JSON answers (JSON Pointer, RFC 6901; a scalar compares by its text, an object or array by its JSON):
 * json /Attributes/FifoQueue true
 * json-count /Rules 2                      elements of an array (members of an object)
 * json-type /Attributes/FifoQueue string   string, number, boolean, object, array or null
 * json-contains /message does not exist
 * json-matches /QueueUrl https://sqs\..*
 * json-absent /NextToken
 * save-json URL /QueueUrl                  later lines may use ${URL}
 * </pre>
 */
final class WireScript {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");

    private final Twin twin;
    /** HTTP/1.1, as the SDK's Apache client speaks it. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> nextHeaders = new LinkedHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<byte[]> last;
    private Document lastXml;
    private JsonNode lastJson;

    WireScript(Twin twin) {
        this.twin = twin;
    }

    void run(List<String> lines) throws Exception {
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = substitute(raw.strip());
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 3);
            try {
                step(words, line);
            } catch (AssertionError e) {
                throw new AssertionError("line " + number + ": " + line + "\n" + e.getMessage()
                        + "\n--- last response " + (last == null ? "(none)" : last.statusCode() + "\n"
                        + new String(last.body(), StandardCharsets.UTF_8)), e);
            }
        }
    }

    private void step(String[] w, String line) throws Exception {
        switch (w[0]) {
            case "fault" -> twin.inject(Fault.byId(w[1]).orElseThrow(() -> new IllegalArgumentException("unknown fault " + w[1])));
            case "advance" -> twin.advance(Duration.ofMillis((long) (Double.parseDouble(w[1]) * 1000)));
            case "header" -> {
                String header = line.substring("header".length()).strip();
                int colon = header.indexOf(':');
                nextHeaders.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            }
            case "request" -> send(w[1], w.length > 2 ? w[2] : "");
            case "request-unsigned" -> send(null, line.substring("request-unsigned".length()).strip());
            case "request-json" -> {
                String[] parts = line.split("\\s+", 4);
                sendJson(parts[1], parts[2], parts.length > 3 ? parts[3] : "");
            }
            case "status" -> assertThat(last.statusCode()).as("HTTP status").isEqualTo(Integer.parseInt(w[1]));
            case "json" -> assertThat(jsonText(w[1])).as(w[1]).isEqualTo(w.length > 2 ? w[2] : "");
            case "json-count" -> assertThat(jsonNode(w[1]).size()).as("size of " + w[1]).isEqualTo(Integer.parseInt(w[2]));
            case "json-contains" -> assertThat(jsonText(w[1])).as(w[1]).contains(w[2]);
            case "json-matches" -> assertThat(jsonText(w[1])).as(w[1]).matches(w[2]);
            case "json-type" -> assertThat(jsonNode(w[1]).getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    .as("JSON type of " + w[1]).isEqualTo(w[2]);
            case "json-absent" -> assertThat(json().at(w[1]).isMissingNode()).as(w[1] + " must be absent").isTrue();
            case "save-json" -> variables.put(w[1], jsonText(w[2]));
            case "count" -> assertThat(nodes(w[1]).getLength()).as("count of " + w[1]).isEqualTo(Integer.parseInt(w[2]));
            case "text" -> assertThat(first(w[1])).as(w[1]).isEqualTo(w.length > 2 ? w[2] : "");
            case "contains" -> assertThat(first(w[1])).as(w[1]).contains(w[2]);
            case "matches" -> assertThat(first(w[1])).as(w[1]).matches(w[2]);
            case "absent" -> assertThat(nodes(w[1]).getLength()).as(w[1] + " must be absent").isZero();
            case "first-child" -> assertThat(xml().getDocumentElement().getFirstChild() == null ? null
                    : firstElementChildName()).as("first child of the root").isEqualTo(w[2]);
            case "save" -> {
                String[] parts = line.split("\\s+", 3);
                variables.put(parts[1], first(parts[2]));
            }
            case "rest" -> {
                String[] parts = line.split(" ", 4);
                rest(parts[1], parts[2], parts.length > 3 ? unescape(parts[3]) : new byte[0]);
            }
            case "rest-json" -> {
                String[] parts = line.split(" ", 5);
                restJson(parts[1], parts[2], parts[3], parts.length > 4 ? parts[4] : "");
            }
            case "response-header" -> assertThat(responseHeader(w[1])).as("header " + w[1]).isEqualTo(w.length > 2 ? w[2] : "");
            case "response-header-matches" -> assertThat(responseHeader(w[1])).as("header " + w[1]).matches(w[2]);
            case "response-header-absent" -> assertThat(last.headers().firstValue(w[1])).as("header " + w[1]).isEmpty();
            case "save-header" -> variables.put(w[1], responseHeader(w[2]));
            case "body" -> assertThat(new String(last.body(), StandardCharsets.ISO_8859_1)).as("body")
                    .isEqualTo(new String(unescape(line.substring("body".length()).strip()), StandardCharsets.ISO_8859_1));
            default -> throw new IllegalArgumentException("unknown wire directive: " + line);
        }
    }

    private void send(String service, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(twin.endpoints().awsEndpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (service != null) {
            request.header("Authorization", authorization(service));
        }
        exchange(request);
    }

    private void rest(String method, String pathAndQuery, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.endpoints().awsEndpoint() + pathAndQuery))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", authorization("s3"));
        exchange(request);
    }

    private void restJson(String scope, String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(twin.endpoints().awsEndpoint() + pathAndQuery))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", authorization(scope));
        if (!body.isEmpty()) {
            nextHeaders.putIfAbsent("Content-Type", "application/json");
        }
        exchange(request);
    }

    private void exchange(HttpRequest.Builder request) throws Exception {
        nextHeaders.forEach((name, value) -> {
            // The JDK client forbids setting Expect by hand; it sends it and waits for the 100 itself.
            if (name.equalsIgnoreCase("Expect") && value.equalsIgnoreCase("100-continue")) {
                request.expectContinue(true);
            } else {
                request.setHeader(name, value);
            }
        });
        nextHeaders.clear();
        last = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        lastXml = null;
        lastJson = null;
    }

    private void sendJson(String service, String target, String body) throws Exception {
        nextHeaders.putIfAbsent("Content-Type", "application/x-amz-json-1.0");
        nextHeaders.put("X-Amz-Target", target);
        send(service, body);
    }

    private JsonNode json() throws Exception {
        if (lastJson == null) {
            lastJson = JSON.readTree(last.body());
        }
        return lastJson;
    }

    private JsonNode jsonNode(String pointer) throws Exception {
        JsonNode node = json().at(pointer);
        assertThat(node.isMissingNode()).as(pointer + " must be present").isFalse();
        return node;
    }

    private String jsonText(String pointer) throws Exception {
        JsonNode node = jsonNode(pointer);
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=AKIAOVHATWIN00000000/20260105/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    }

    private String responseHeader(String name) {
        return last.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError("the answer has no header " + name + "; it has " + last.headers().map()));
    }

    /** Script text to bytes: UTF-8, with the escapes \r \n \t \\ and \xHH (one raw byte). */
    static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + next + " in: " + text);
            }
        }
        return out.toByteArray();
    }

    private Document xml() throws Exception {
        if (lastXml == null) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            lastXml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(last.body()));
        }
        return lastXml;
    }

    private String firstElementChildName() throws Exception {
        for (var node = xml().getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                return node.getNodeName();
            }
        }
        return null;
    }

    private NodeList nodes(String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, xml(), XPathConstants.NODESET);
    }

    private String first(String xpath) throws Exception {
        NodeList nodes = nodes(xpath);
        assertThat(nodes.getLength()).as("matches of " + xpath).isPositive();
        return nodes.item(0).getTextContent();
    }

    private String substitute(String line) {
        Matcher m = VARIABLE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("variable ${" + m.group(1) + "} was not saved before: " + line);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

}
