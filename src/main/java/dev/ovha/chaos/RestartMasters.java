package dev.ovha.chaos;

/**
 * Restarts every master with {@code POST /openvidu/api/restart} and an empty body, so that they load the
 * S3 {@code .env} as it is now. Needed after a change that the masters would not notice by themselves: a
 * restored {@code .env} while auto-restart is off. A restart too many does no harm, so replaying it is safe.
 *
 * @param reason why the masters must load the {@code .env} again, for people reading the journal
 */
public record RestartMasters(String reason) implements UndoAction {

    @Override
    public String describe() {
        return "restart every master (POST /openvidu/api/restart, empty body) so that they load the restored .env: "
                + reason;
    }

    @Override
    public String undo(UndoContext context) {
        context.openvidu().restart(java.util.Map.of());
        return "every master restarting to load the restored .env (POST /openvidu/api/restart)";
    }
}
