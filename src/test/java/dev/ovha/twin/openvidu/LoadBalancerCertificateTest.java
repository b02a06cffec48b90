package dev.ovha.twin.openvidu;

import dev.ovha.tls.PemTrust;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import org.junit.jupiter.api.Test;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import java.net.URL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The twin's certificate is trusted only through its CA, and certificate faults show. */
class LoadBalancerCertificateTest {

    @Test
    void theCertificateIsValidForTheLoopbackNamesAndAYear() throws Exception {
        try (Twin twin = Twin.start(TwinOptions.deterministic())) {
            X509Certificate served = served(twin);
            assertThat(served.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(300)));
            assertThat(served.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList()).contains("localhost", "127.0.0.1");
        }
    }

    @Test
    void withoutTheTwinsCaTheCertificateIsNotTrusted() throws Exception {
        try (Twin twin = Twin.start(TwinOptions.deterministic())) {
            HttpsURLConnection connection = (HttpsURLConnection) new URL(twin.endpoints().openviduUrl() + "/").openConnection();
            assertThatThrownBy(connection::getResponseCode).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void certificateFaultsChangeWhatIsServed() throws Exception {
        try (Twin twin = Twin.start(TwinOptions.deterministic())) {
            twin.inject(Fault.CERT_EXPIRING);
            assertThat(served(twin).getNotAfter().toInstant()).isBefore(Instant.now().plus(Duration.ofDays(8)));
            twin.clear(Fault.CERT_EXPIRING);
            twin.inject(Fault.CERT_WRONG_HOST);
            HttpsURLConnection connection = open(twin);
            assertThatThrownBy(connection::getResponseCode).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
        }
    }

    @Test
    void aClientThatKeepsItsTlsContextSeesTheNewCertificateToo() throws Exception {
        try (Twin twin = Twin.start(TwinOptions.deterministic())) {
            javax.net.ssl.SSLContext reused = PemTrust.sslContext(twin.endpoints().caPem());
            java.net.http.HttpClient first = java.net.http.HttpClient.newBuilder().sslContext(reused).build();
            java.net.http.HttpRequest root = java.net.http.HttpRequest.newBuilder(twin.endpoints().openviduUrl().resolve("/")).build();
            assertThat(first.send(root, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
            twin.inject(Fault.CERT_WRONG_HOST);
            java.net.http.HttpClient second = java.net.http.HttpClient.newBuilder().sslContext(reused).build();
            assertThatThrownBy(() -> second.send(root, java.net.http.HttpResponse.BodyHandlers.discarding()))
                    .as("no session resumption past a certificate change").isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    private static X509Certificate served(Twin twin) throws Exception {
        HttpsURLConnection connection = open(twin);
        connection.connect();
        X509Certificate certificate = (X509Certificate) connection.getServerCertificates()[0];
        assertThat(connection.getResponseCode()).isEqualTo(401);
        return certificate;
    }

    private static HttpsURLConnection open(Twin twin) throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) new URL(twin.endpoints().openviduUrl() + "/").openConnection();
        connection.setSSLSocketFactory(PemTrust.sslContext(twin.endpoints().caPem()).getSocketFactory());
        return connection;
    }
}
