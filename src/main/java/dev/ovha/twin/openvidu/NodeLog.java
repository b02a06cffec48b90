package dev.ovha.twin.openvidu;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A master's container logs as {@code docker-compose logs} prints them, in the vendor's format:
 * {@code openvidu-replication-manager-1  | 2022-05-17 11:55:58.863  INFO 8 --- [           main] i.o.r.m.s.SQSNotificationListenerAWS     : …}.
 */
public final class NodeLog {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    /** Kept per master; the oldest lines are dropped, as log rotation would. */
    private static final int MAX_LINES = 20_000;

    /** One line, with the compose service it came from and its virtual time. */
    public record Line(String service, Instant at, String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    public synchronized void replicationManager(Instant at, String level, String logger, String message) {
        // Spring Boot's default pattern: level right-aligned in 5, logger left-aligned in 40.
        add("replication-manager", at, "openvidu-replication-manager-1  | " + STAMP.format(at) + " " + leftPad(level, 5)
                + " 8 --- [           main] " + pad(logger, 40) + " : " + message);
    }

    public synchronized void openViduServer(Instant at, String level, String logger, String message) {
        add("openvidu-server", at, "openvidu-openvidu-server-1  | [" + level + "] " + STAMP.format(at) + " [main] " + logger + " - " + message);
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    private void add(String service, Instant at, String text) {
        lines.add(new Line(service, at, text));
        if (lines.size() > MAX_LINES) {
            lines.remove(0);
        }
    }

    private static String leftPad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
