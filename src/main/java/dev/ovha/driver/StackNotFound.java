package dev.ovha.driver;

/** CloudFormation has no stack of that name in that region. */
public final class StackNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stackName;
    private final String region;

    public StackNotFound(String stackName, String region) {
        super("Stack '" + stackName + "' does not exist in region " + region);
        this.stackName = stackName;
        this.region = region;
    }

    public String stackName() {
        return stackName;
    }

    public String region() {
        return region;
    }
}
