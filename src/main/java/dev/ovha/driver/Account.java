package dev.ovha.driver;

import dev.ovha.aws.AwsClients;
import dev.ovha.report.Evidence;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** The AWS account the credentials belong to. */
public final class Account {
    private final AwsClients aws;
    private final Evidence evidence;

    public Account(AwsClients aws, Evidence evidence) {
        this.aws = aws;
        this.evidence = evidence;
    }

    /** STS GetCallerIdentity: works with any valid credentials, needs no permission. */
    public CallerIdentity identity() {
        GetCallerIdentityResponse response = aws.sts().getCallerIdentity();
        CallerIdentity identity = new CallerIdentity(response.account(), response.arn());
        evidence.aws("GetCallerIdentity", "", identity);
        return identity;
    }
}
