package dev.ovha.report;

/**
 * Where drivers report the exchanges that decided a verdict, so that a failed scenario carries its
 * evidence: the HTTP requests and answers (secrets removed), and what AWS reported, as the records the
 * drivers made of it.
 */
public interface Evidence {

    /** An HTTP exchange, already redacted. */
    void http(HttpExchangeRecord exchange);

    /** What one AWS call reported, e.g. {@code ("DescribeAutoScalingGroups", "ovha-twin-ASGMediaNode", group)}. */
    void aws(String operation, String subject, Object reported);

    /** Evidence nobody keeps: for preflight, the command-line lint and tests. */
    Evidence NONE = new Evidence() {
        @Override
        public void http(HttpExchangeRecord exchange) {
        }

        @Override
        public void aws(String operation, String subject, Object reported) {
        }
    };
}
