package dev.ovha.chaos;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * One line for a failed call, saying who answered what: {@code AutoScaling ValidationError: AutoScalingGroup
 * name not found (HTTP 400)} rather than the SDK's multi-part message with request ids.
 */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof AwsServiceException aws) {
            AwsErrorDetails details = aws.awsErrorDetails();
            String service = details == null || details.serviceName() == null ? "AWS" : details.serviceName();
            int status = aws.statusCode();
            if (details == null || details.errorCode() == null) {
                return service + " answered HTTP " + status + " without an AWS error code (is " + service
                        + " served at this endpoint?)";
            }
            return service + " " + details.errorCode() + ": " + details.errorMessage() + " (HTTP " + status + ")";
        }
        if (failure instanceof SdkClientException client) {
            return "AWS could not be reached: " + firstLine(client.getMessage());
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
