package dev.ovha.twin.sdk;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import static org.assertj.core.api.Assertions.assertThat;

class StsSdkTest extends TwinSdkTestBase {

    @Test
    void callerIdentityIsTheTwinAccount() {
        GetCallerIdentityResponse identity = aws.sts().getCallerIdentity();
        assertThat(identity.account()).isEqualTo("123456789012");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:user/ovha-twin");
        assertThat(identity.userId()).startsWith("AIDA");
    }
}
