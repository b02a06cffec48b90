@conformance @config
Feature: Configuration and health: one configuration for all masters, and a healthy cluster
  Every master loads the same .env from the stack's S3 bucket, so all serve the same configuration but
  for their own AWS_INSTANCE_ID; and the cluster's health endpoint lists every master as UP.

  Scenario: Every master serves the same configuration
    Given the masters as AWS reports them
    When each healthy master's configuration is fetched through the domain
    Then the configurations are the same except for each master's AWS_INSTANCE_ID

  Scenario: The cluster reports itself healthy, every master included
    Given the masters as AWS reports them
    When the cluster's health is requested
    Then the cluster is UP, and so is every healthy master

  Scenario: The configuration bucket's .env agrees with what the masters serve
    Given the masters as AWS reports them
    When the .env is read from the stack's configuration bucket
    And each healthy master's configuration is fetched through the domain
    Then every setting the .env and the served configuration both have holds the same value
