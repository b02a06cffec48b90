package dev.ovha.twin.sim;

/** The AWS account and region the twin pretends to be. */
public record Account(String id, String region) {

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + id + ":" + resource;
    }
}
