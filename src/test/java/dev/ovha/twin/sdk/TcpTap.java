package dev.ovha.twin.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transparent TCP relay in front of the twin that keeps a copy of every byte in each direction, so a
 * test can see exactly what an unchanged SDK client puts on the wire (aws-chunked bodies, Expect:
 * 100-continue) and what the twin answers (the interim 100 Continue), without touching either side.
 * Bytes are recorded before they are relayed: once a call returns, its request and answer are here.
 */
final class TcpTap implements AutoCloseable {

    private final URI target;
    private final ServerSocket server;
    private final ByteArrayOutputStream fromClients = new ByteArrayOutputStream();
    private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    TcpTap(URI target) {
        this.target = target;
        try {
            this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("tap-accept", this::accept);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** How many TCP connections clients opened: 1 for many calls means keep-alive works. */
    int connections() {
        return connections.get();
    }

    /** Everything clients sent, as ISO-8859-1 text (one char per byte). */
    String clientBytes() {
        synchronized (fromClients) {
            return fromClients.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Everything the twin answered, as ISO-8859-1 text. */
    String serverBytes() {
        synchronized (fromServer) {
            return fromServer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                daemon("tap-up", () -> pump(client, upstream, fromClients));
                daemon("tap-down", () -> pump(upstream, client, fromServer));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, ByteArrayOutputStream copy) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (copy) {
                    copy.write(buffer, 0, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed the connection: the relay for it ends
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(TcpTap::closeQuietly);
    }
}
