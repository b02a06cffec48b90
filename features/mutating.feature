@mutating
Feature: Reversible changes reach every master
  Changes an operator makes every day: a media node more or less, a configuration property through the API
  or in the S3 .env. Each starts from the stack's steady state, is written to the undo journal before it is
  made, and is undone after the scenario, passed or failed. Against AWS these scenarios run only with
  -Dovha.allow=<stack name>.

  @scaling-events
  Scenario: Launch and terminate events reach every master
    Given the stack is in its steady state
    When the media group grows by one node
    Then the new media instance becomes InService
    And every master lists the new media node as running
    And some master logged the new media node's launch
    When the media group is put back to its previous members
    Then every master deregisters the leaving node while its instance is still terminating
    And some master logged the media node's termination
    And the media group has its previous members again

  @config-changes
  Scenario: A property changed through the API restarts every master and is persisted
    Given the stack is in its steady state
    When a modifiable property is changed through the API's restart operation
    Then every master restarts
    And every master serves the new value
    And the S3 .env holds the new value

  @config-changes
  Scenario: With auto-restart on, an edit of the S3 .env restarts every master with the new value
    Given the stack is in its steady state
    And the masters restart by themselves when the S3 .env changes
    When a property is edited in the S3 .env
    Then every master restarts
    And every master serves the new value

  @config-changes
  Scenario: With auto-restart off, an edit of the S3 .env changes nothing until the masters restart
    Given the stack is in its steady state
    And the masters restart by themselves when the S3 .env changes
    When auto-restart is turned off in the S3 .env
    Then every master restarts
    When a property is edited in the S3 .env
    Then for a while no master restarts and every master still serves the previous value
