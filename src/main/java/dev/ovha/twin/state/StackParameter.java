package dev.ovha.twin.state;

/** A stack parameter; NoEcho values are reported as {@code ****}, as CloudFormation does. */
public record StackParameter(String key, String value, boolean noEcho) {

    public String reportedValue() {
        return noEcho ? "****" : value;
    }
}
