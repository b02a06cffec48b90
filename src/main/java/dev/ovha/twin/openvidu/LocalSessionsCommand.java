package dev.ovha.twin.openvidu;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.twin.state.ShellResult;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one {@code curl} a master's shell understands: {@code curl [-s] [-S] [-k] -u "OPENVIDUAPP:<secret>"
 * http://localhost:5443/openvidu/api/sessions}, the vendor's way to find which master hosts a session (its
 * own OpenVidu server, not the replication-manager's proxy, so it lists only the sessions this master hosts).
 * The credential may be the secret itself or read from the master's {@code .env} with
 * {@code $(sed -n 's/^OPENVIDU_SECRET=//p' /opt/openvidu/.env)}, which the shell would substitute. Like curl
 * without {@code -f}, a refused credential still exits 0, printing the 401 body.
 */
final class LocalSessionsCommand {
    private static final Pattern CURL = Pattern.compile(
            "^curl((?:\\s+-[sSk]+|\\s+--silent|\\s+--show-error|\\s+--insecure)*)\\s+(?:-u|--user)\\s+(\"[^\"]*\"|'[^']*'|\\S+)"
                    + "((?:\\s+-[sSk]+|\\s+--silent|\\s+--show-error|\\s+--insecure)*)\\s+http://(?:localhost|127\\.0\\.0\\.1):5443/openvidu/api/sessions/?$");
    private static final String FROM_DOTENV = "OPENVIDUAPP:$(sed -n 's/^OPENVIDU_SECRET=//p' /opt/openvidu/.env)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSessionsCommand() {
    }

    /** The command's result on {@code master}, or empty when the command is not this curl. */
    static Optional<ShellResult> run(String command, MasterNode master, List<SessionRecord> hosted) {
        Matcher m = CURL.matcher(command);
        if (!m.matches()) {
            return Optional.empty();
        }
        String credential = unquote(m.group(2));
        String secret = master.config().get("OPENVIDU_SECRET").orElse("");
        boolean accepted = credential.equals(FROM_DOTENV) || credential.equals("OPENVIDUAPP:" + secret);
        if (master.status() != MasterStatus.UP) {
            return Optional.of(new ShellResult(7, "", "curl: (7) Failed to connect to localhost port 5443: Connection refused\n"));
        }
        if (!accepted) {
            return Optional.of(new ShellResult(0, "{\"status\":401,\"error\":\"Unauthorized\",\"path\":\"/openvidu/api/sessions\"}", ""));
        }
        ArrayNode content = JSON.createArrayNode();
        for (SessionRecord session : hosted) {
            ObjectNode json = JSON.createObjectNode();
            json.put("id", session.id());
            json.put("object", "session");
            json.put("sessionId", session.id());
            json.put("createdAt", session.createdAt().toEpochMilli());
            content.add(json);
        }
        ObjectNode body = JSON.createObjectNode().put("numberOfElements", content.size());
        body.set("content", content);
        return Optional.of(new ShellResult(0, body.toString(), ""));
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
