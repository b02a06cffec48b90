@conformance @autoscaling
Feature: Autoscaling: the groups are what the stack parameters and the template made them
  The vendor changes autoscaling settings through the stack's parameters only; groups resized or
  policies or alarms edited by hand drift away from them.

  Scenario: The groups' sizes match the stack parameters
    Given the master and media groups as AWS reports them
    Then their minimum, maximum and desired sizes match the stack parameters

  Scenario: Media nodes scale one at a time with the template's cooldown
    When the media group's scaling policies are read
    Then there is one +1 and one -1 simple scaling policy, each with the template's cooldown and an alarm

  Scenario: The media group's lifecycle hooks let the masters follow every launch and termination
    When the media group's lifecycle hooks are read
    Then a launching hook continues and a terminating hook abandons, both after the template's heartbeat

  Scenario: The media CPU alarms follow the stack's scaling parameters
    When the media group's CPU alarms are read
    Then each alarm watches the media group's average CPU every minute against its stack parameter and triggers its scaling policy
