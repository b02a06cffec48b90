@conformance @preflight
Feature: Preflight: the stack finished deploying, follows the rules and is reachable as it should be
  Before anyone looks at masters and media nodes, the stack itself must be in order: CloudFormation
  finished deploying it, its parameters follow the template's and the vendor's rules, and its domain
  leads to its load balancer with a certificate that browsers accept.

  Scenario: The stack finished deploying
    Given the harness is signed in to the stack's AWS account
    Then the stack has finished deploying

  Scenario: The stack's parameters follow the deployment rules
    When the stack's parameters are read
    Then they break none of the template's and the vendor's rules

  Scenario: The domain serves a certificate that browsers accept
    When the certificate served for the domain is fetched
    Then the certificate is valid for the domain
    And the certificate stays valid for at least 14 more days

  Scenario: The domain leads to the stack's load balancer
    When someone without credentials opens the domain's root page
    Then the stack's load balancer answers with its fixed 401
