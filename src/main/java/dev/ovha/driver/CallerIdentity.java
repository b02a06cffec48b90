package dev.ovha.driver;

/**
 * Who the harness is in AWS (STS GetCallerIdentity).
 *
 * @param account the account id
 * @param arn     the user's or role's ARN
 */
public record CallerIdentity(String account, String arn) {
}
