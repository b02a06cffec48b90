package dev.ovha.chaos;

import dev.ovha.config.ConfigKey;
import dev.ovha.config.HarnessConfig;
import dev.ovha.config.Target;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The IAM role FIS assumes to run ovha's experiments ({@code ovha.fis.roleArn}), or none. Without a role a
 * master is terminated with EC2 TerminateInstances directly, and the faults only FIS can make (a zone
 * outage, a CPU stress) are skipped with the reason. The twin's default is a role in its own account, so
 * that both paths are exercised: the FIS one by default, the direct one with {@code ovha.fis.roleArn=none}.
 *
 * @param arn the role, or empty for none
 */
public record FisRole(Optional<String> arn) {
    /** The value that asks for no FIS role explicitly (a blank value counts as unset). */
    public static final String NONE = "none";
    static final String TWIN_ROLE_NAME = "ovha-twin-fis";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    /**
     * Reads the key; on the twin an unset key means the twin account's FIS role.
     *
     * @param account the account id of the stack (STS GetCallerIdentity), for the twin's default
     */
    public static FisRole from(HarnessConfig config, String account) {
        Optional<String> text = config.text(ConfigKey.FIS_ROLE_ARN).map(String::strip);
        if (text.isEmpty()) {
            return new FisRole(config.target() == Target.TWIN
                    ? Optional.of("arn:aws:iam::" + account + ":role/" + TWIN_ROLE_NAME) : Optional.empty());
        }
        if (text.get().equalsIgnoreCase(NONE)) {
            return new FisRole(Optional.empty());
        }
        if (!ROLE_ARN.matcher(text.get()).matches()) {
            throw config.invalid(ConfigKey.FIS_ROLE_ARN, "an IAM role ARN such as"
                    + " arn:aws:iam::123456789012:role/ovha-fis, or none");
        }
        return new FisRole(text);
    }

    public boolean present() {
        return arn.isPresent();
    }
}
