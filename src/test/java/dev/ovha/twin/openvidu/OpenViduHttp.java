package dev.ovha.twin.openvidu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.tls.PemTrust;
import dev.ovha.twin.TwinEndpoints;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTPS client for the twin's OpenVidu endpoint, trusting the twin's CA explicitly. */
final class OpenViduHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private String authorization;

    OpenViduHttp(TwinEndpoints endpoints) {
        this.base = endpoints.openviduUrl();
        this.http = HttpClient.newBuilder().sslContext(PemTrust.sslContext(endpoints.caPem()))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        secret(endpoints.secret());
    }

    OpenViduHttp secret(String secret) {
        this.authorization = secret == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString(("OPENVIDUAPP:" + secret).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    JsonNode json(String method, String path, String body, int expectedStatus) {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + ": expected " + expectedStatus + " but got " + response.statusCode()
                    + " " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
