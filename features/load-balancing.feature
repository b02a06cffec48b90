@conformance @load-balancing
Feature: API load balancing: every healthy master takes requests, and nothing else does
  The vendor's check: AWS_INSTANCE_ID "should be different on each request if you have multiple healthy
  master nodes, and each of the different values should be the id of the master node which has received
  the request". The harness asks through the domain until every healthy master has answered, at most a
  number of times chosen so that a correctly balancing stack fails with a probability below one in a
  million (the report states the bound); with a single master, every answer must name it.

  Scenario: Requests through the domain reach every healthy master, and only them
    Given the masters as AWS reports them
    When the configuration is requested through the domain up to the bound for that many masters
    Then every answer names a healthy master, and every healthy master answered
