@conformance @media-nodes
Feature: Media nodes: OpenVidu knows exactly the media group's instances, and only AWS changes them
  The vendor's second check: the masters have registered every media node of the media Auto Scaling
  group. In a high-availability cluster on AWS the group alone adds and removes media nodes, so the
  API refuses to.

  Scenario: Every running media instance is registered with OpenVidu, and nothing else is
    Given the media group's in-service instances as AWS reports them
    When the media nodes OpenVidu has registered are listed
    Then each instance is registered as running and connected, at its private IP, and no other node is

  Scenario: Media nodes cannot be added, changed or removed through the API
    When an application tries to add, change and remove media nodes through the API
    Then every attempt is refused as not allowed in a high-availability cluster

  Scenario: Every master sees the same media nodes
    When the media nodes are listed through the domain as often as it takes to reach every master
    Then every answer lists the same media nodes in the same state
