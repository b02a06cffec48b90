@conformance @security
Feature: Security: only the secret opens the API, and only over HTTPS
  Scenario: A wrong secret is refused on every API path
    When every API path is requested with a wrong secret
    Then every request is refused with 401

  Scenario: Requests without credentials are refused on every API path
    When every API path is requested without credentials
    Then every request is refused with 401

  Scenario: Plain HTTP is redirected to HTTPS
    When the API is requested over plain HTTP
    Then the load balancer redirects to the same address over HTTPS
