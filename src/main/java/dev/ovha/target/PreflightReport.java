package dev.ovha.target;

import dev.ovha.driver.CallerIdentity;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.probe.ServedCertificate;
import java.util.List;
import java.util.Optional;

/**
 * What the preflight established before any scenario: who we are in AWS, which stack, how to reach its
 * OpenVidu, what it serves.
 *
 * @param identity        the AWS identity of the credentials
 * @param stackName       the stack's name
 * @param stackStatus     its CloudFormation status at preflight time
 * @param endpoint        how to reach its OpenVidu
 * @param certificate     the certificate its domain serves
 * @param openViduVersion {@code VERSION} from {@code /config}, when it answered with one
 * @param warnings        problems that do not stop the run but will show in scenarios
 */
public record PreflightReport(CallerIdentity identity, String stackName, String stackStatus, OpenViduEndpoint endpoint,
                              ServedCertificate certificate, Optional<String> openViduVersion, List<String> warnings) {
    public PreflightReport {
        warnings = List.copyOf(warnings);
    }
}
