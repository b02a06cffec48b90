@conformance @events
Feature: AWS events: the stack's rules feed its queue, and the masters consume it
  The masters learn of media nodes launching and terminating, and do their periodic work, through AWS
  events: two EventBridge rules put them into the stack's FIFO queue, and each master's
  replication-manager takes them from there. The vendor's check: the rules are enabled and target the
  queue, and the replication-manager's log shows the one-minute schedule notification on some master.

  Scenario: The lifecycle and schedule rules are enabled and feed the stack's queue
    When the stack's event rules are read
    Then both rules are enabled and deliver to the stack's FIFO queue

  Scenario: The stack's queue is configured as the template made it
    When the stack's queue is read
    Then it is a FIFO queue with content-based deduplication, the template's retention and visibility timeout, open to EventBridge

  Scenario: A schedule notification reaches some master within two schedule periods
    Given the masters as AWS reports them
    When the masters' replication-manager logs are watched for schedule notifications
    Then some master logged a schedule notification within two schedule periods

  Scenario: The masters consume the events that reach the queue
    When the queue's recent traffic is read from CloudWatch
    Then messages reach the queue and the masters delete them
