@conformance @application
Feature: An OpenVidu application works through the domain
  What any customer application does, with the official openvidu-java-client and the retries the
  vendor prescribes for high availability: open a session, hand out a connection token, close it.

  Scenario: An application opens a session, hands out a token and closes the session
    Given an application using the official OpenVidu Java client against the domain
    When it opens a session and creates a connection in it
    Then the connection's token has the documented form for the stack's domain
    And the application sees the session among the cluster's active sessions
    And the REST API lists the session
    When the application closes the session
    Then the REST API no longer lists the session
