@conformance @masters
Feature: Master nodes: healthy, as many as desired, spread over availability zones
  The vendor's first check after a deployment: in the target group named like the stack, every master
  is healthy, and with more than one master they stand in different availability zones.

  Background:
    Given the masters as AWS reports them

  Scenario: Every master is a healthy target of the stack's target group
    Then every master is an in-service, healthy target of the target group named like the stack

  Scenario: As many masters serve as the master group desires
    Then the number of serving masters equals the master group's desired capacity

  Scenario: The masters stand in at least two availability zones
    Given the stack runs at least two masters
    Then the masters stand in at least two availability zones
