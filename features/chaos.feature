@disruptive @chaos
Feature: Chaos: the stack loses a master, a media node or a zone, or runs hot, and heals by itself
  Game-day experiments, each from a steady state through a fault to the steady state again, while an
  availability prober asks the API what users would ask. Every change is journalled before it is made
  and undone after the scenario, passed or failed. On AWS they need -Dovha.chaos.allow=<stack>, and
  -Dovha.chaos.dryRun=true shows what they would do (FIS skip-all) without touching anything.

  Background:
    Given the stack is in its steady state

  Scenario: A master dies, the stack replaces it, and no session of a surviving master is lost
    Given sessions exist on every master
    And the availability prober asks the API without pause
    When one master is terminated
    Then the load balancer drops the dead master, and the master group's replacement becomes healthy within the recovery budget
    And every serving master answers through the domain, with the same configuration, within the recovery budget
    And users saw errors no longer and no more often than the error budget allows
    And the masters stand in at least two availability zones
    And every media node is still registered as running, and every master lists the same media nodes
    And no session of a surviving master was lost, and the dead master's sessions can be created again under their id

  Scenario: A media node crashes, the media group replaces it, and its sessions can be rebuilt on another node
    Given a session on every running media node
    And the availability prober asks the API without pause
    When one running media node crashes
    Then the crashed node leaves the masters' list, and the media group's replacement is registered as running within the recovery budget
    And the crashed node's sessions are gone, the others remain, and each can be created again under its id on another node
    And users saw errors no longer and no more often than the error budget allows

  Scenario: One availability zone loses its network and the other keeps serving
    Given the availability prober asks the API without pause
    When the subnet of one master is cut off the network for the outage duration
    Then once the network is back the stack returns to its steady state within the recovery budget
    And users saw errors no longer and no more often than the error budget allows

  Scenario: CPU load on the media nodes makes the media group grow by one node
    When the media nodes' CPU is stressed
    Then the high-CPU alarm fires and the media group grows by one node, which the masters register as running, within the recovery budget
