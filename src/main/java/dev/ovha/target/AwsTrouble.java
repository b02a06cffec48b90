package dev.ovha.target;

import java.net.ConnectException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an AWS SDK failure during the preflight into one line that says what to fix. */
final class AwsTrouble {
    private AwsTrouble() {
    }

    static String explain(String doing, SdkException failure, String region) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = String.valueOf(service.awsErrorDetails().errorCode());
            String message = String.valueOf(service.awsErrorDetails().errorMessage());
            // A regional endpoint (or an emulator's) refuses a request signed for another region.
            if (message.contains("scoped to a valid region") || code.equals("AuthorizationHeaderMalformed")) {
                return "the AWS endpoint refused requests signed for region '" + region + "' while " + doing + " ("
                        + code + ": " + message + "): check ovha.region (the stack's region) and ovha.aws.endpoint";
            }
            return switch (code) {
                case "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException",
                     "IncompleteSignature", "AuthFailure" ->
                        "AWS rejected the credentials while " + doing + " (" + code + "): check ovha.aws.profile or"
                                + " the AWS_* variables / ~/.aws/credentials the default chain reads";
                case "ExpiredToken", "ExpiredTokenException", "RequestExpired" ->
                        "the AWS credentials have expired (" + code + ") while " + doing + ": refresh them (aws sso"
                                + " login, a new session token) and run again";
                case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation" ->
                        "AWS denied " + doing + " (" + code + ": " + message + "): give the harness's identity the"
                                + " read-only policy in the README";
                default -> "AWS refused " + doing + " (" + code + ": " + message + ")";
            };
        }
        if (failure instanceof SdkClientException) {
            if (causedBy(failure, UnknownHostException.class)) {
                return "the AWS endpoint for region '" + region + "' does not resolve while " + doing
                        + ": check ovha.region (a region such as eu-west-1) and ovha.aws.endpoint";
            }
            if (causedBy(failure, ConnectException.class)) {
                return "the AWS endpoint refused the connection while " + doing + ": check ovha.aws.endpoint";
            }
            String message = String.valueOf(failure.getMessage());
            if (message.contains("Unable to load credentials") || message.contains("no credentials")
                    || message.contains("credentials for profile")) {
                return "no usable AWS credentials while " + doing + " (" + withoutChain(firstLine(message))
                        + "): set ovha.aws.profile"
                        + " to a profile that has them, or provide them the way the AWS CLI finds them"
                        + " (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws, SSO, an instance or task role)";
            }
        }
        return "AWS failed while " + doing + ": " + firstLine(failure.getMessage());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The SDK lists every provider of its default chain and why each failed: a page, not a reason. */
    private static String withoutChain(String message) {
        int chain = message.indexOf(" AwsCredentialsProviderChain(");
        return chain < 0 ? message : message.substring(0, chain);
    }

    private static String firstLine(String text) {
        return text == null ? "(no message)" : text.lines().findFirst().orElse("");
    }
}
