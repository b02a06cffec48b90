package dev.ovha.rules;

import dev.ovha.driver.Stack;
import java.util.List;

/** Whether CloudFormation finished deploying the stack. */
public final class StackRules {
    private StackRules() {
    }

    public static List<String> deployed(Stack stack) {
        if (stack.isDeployed()) {
            return List.of();
        }
        return List.of("Stack " + stack.name() + " is " + stack.status()
                + stack.statusReason().map(r -> " (" + r + ")").orElse("")
                + ", expected CREATE_COMPLETE or UPDATE_COMPLETE: " + advice(stack.status()) + ".");
    }

    private static String advice(String status) {
        if (status.endsWith("_IN_PROGRESS")) {
            return "an operation is still running; run the checks when it has finished";
        }
        if (status.equals("UPDATE_ROLLBACK_FAILED")) {
            return "an update failed and so did its rollback, leaving resources half-changed; fix the cause shown in"
                    + " the stack's events, then choose 'Continue update rollback' in the CloudFormation console";
        }
        if (status.equals("UPDATE_ROLLBACK_COMPLETE")) {
            return "the last update failed and was rolled back, so the stack runs its previous parameters; read the"
                    + " stack's events and update it again";
        }
        if (status.startsWith("DELETE")) {
            return "the stack is being (or was partly) deleted";
        }
        return "the deployment failed; read the stack's events, delete the stack and deploy it again";
    }
}
