package dev.ovha.twin.edge;

import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP behaviour S3 clients rely on, checked byte by byte on one raw socket: HEAD answers state the
 * object's length yet send no body (or the next answer on the connection would be garbled), the server
 * sends the interim 100 to {@code Expect: 100-continue} before the body is on its way, and one
 * connection serves several requests.
 */
class AwsEdgeHttpTest {

    private static final String AUTHORIZATION = "Authorization: AWS4-HMAC-SHA256 Credential=AKIAOVHATWIN00000000/"
            + "20260105/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00\r\n";

    @AutoClose
    private final Twin twin = Twin.start(TwinOptions.deterministic());
    private String bucket;

    @BeforeEach
    void putAnObject() {
        bucket = twin.inWorld(w -> w.topology().bucketName());
        twin.inWorld(w -> w.s3().put(bucket, "a.txt", "hello world\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    @Test
    void headStatesTheLengthSendsNoBodyAndTheConnectionCarriesOn() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("HEAD /" + bucket + "/a.txt HTTP/1.1\r\nHost: twin\r\n" + AUTHORIZATION + "\r\n"
                    + "GET /" + bucket + "/a.txt HTTP/1.1\r\nHost: twin\r\n" + AUTHORIZATION + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            Response head = Response.read(in, false);
            assertThat(head.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(head.headers()).containsEntry("content-length", "12").containsEntry("etag", "\"6f5902ac237024bdd0c176cb93063dc4\"");

            Response get = Response.read(in, true);
            assertThat(get.statusLine()).as("the next bytes after HEAD's headers are GET's answer").isEqualTo("HTTP/1.1 200 OK");
            assertThat(get.body()).isEqualTo("hello world\n");
        }
    }

    @Test
    void expectContinueGetsTheInterim100BeforeTheBodyIsSent() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("PUT /" + bucket + "/b.txt HTTP/1.1\r\nHost: twin\r\n" + AUTHORIZATION
                    + "Content-Length: 3\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(Response.read(in, false).statusLine()).isEqualTo("HTTP/1.1 100 Continue");

            out.write("abc".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Response put = Response.read(in, true);
            assertThat(put.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(put.headers()).containsKey("etag").containsKey("x-amz-request-id");
        }
        String stored = twin.inWorld(w -> w.s3().object(bucket, "b.txt").orElseThrow().text());
        assertThat(stored).isEqualTo("abc");
    }

    private Socket connect() throws IOException {
        URI endpoint = twin.endpoints().awsEndpoint();
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setSoTimeout(5000);
        return socket;
    }

    /** One HTTP/1.1 answer read off the socket; header names in lower case. */
    private record Response(String statusLine, Map<String, String> headers, String body) {

        static Response read(InputStream in, boolean withBody) throws IOException {
            String status = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int length = withBody ? Integer.parseInt(headers.getOrDefault("content-length", "0")) : 0;
            return new Response(status, headers, new String(in.readNBytes(length), StandardCharsets.ISO_8859_1));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed mid-answer after: " + line);
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
