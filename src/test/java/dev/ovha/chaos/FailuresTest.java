package dev.ovha.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.fis.model.FisException;

/** A failed AWS call reads as one line: who answered, with which code and message. */
class FailuresTest {
    @Test
    void anAwsErrorNamesServiceCodeMessageAndStatus() {
        AutoScalingException e = (AutoScalingException) AutoScalingException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("AutoScaling").errorCode("ValidationError")
                        .errorMessage("AutoScalingGroup name not found - null").build())
                .build();

        assertThat(Failures.describe(e))
                .isEqualTo("AutoScaling ValidationError: AutoScalingGroup name not found - null (HTTP 400)");
    }

    @Test
    void anAnswerWithoutAnErrorCodeAsksWhetherTheServiceIsThere() {
        FisException e = (FisException) FisException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("Fis").build()).build();

        assertThat(Failures.describe(e))
                .isEqualTo("Fis answered HTTP 400 without an AWS error code (is Fis served at this endpoint?)");
    }

    @Test
    void aClientErrorKeepsOnlyItsFirstLine() {
        assertThat(Failures.describe(SdkClientException.create("Unable to execute HTTP request: Connection refused\n"
                + "  more detail"))).isEqualTo("AWS could not be reached: Unable to execute HTTP request: Connection refused");
        assertThat(Failures.describe(new IllegalStateException("x"))).isEqualTo("IllegalStateException: x");
    }
}
