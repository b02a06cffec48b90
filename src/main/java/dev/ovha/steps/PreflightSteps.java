package dev.ovha.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.driver.CallerIdentity;
import dev.ovha.driver.Stack;
import dev.ovha.openvidu.HttpAnswer;
import dev.ovha.probe.ServedCertificate;
import dev.ovha.rules.CertificateRules;
import dev.ovha.rules.ParameterRules;
import dev.ovha.rules.SecurityRules;
import dev.ovha.rules.StackRules;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

public final class PreflightSteps {
    private final StackUnderTest world;
    private Stack stack;
    private Map<String, String> subnetZones;
    private ServedCertificate certificate;
    private HttpAnswer root;

    public PreflightSteps(StackUnderTest world) {
        this.world = world;
    }

    @Given("the harness is signed in to the stack's AWS account")
    public void signedIn() {
        CallerIdentity identity = world.account().identity();
        assertThat(identity.account()).as("the AWS account of the harness's credentials").isNotBlank();
    }

    @Then("the stack has finished deploying")
    public void finishedDeploying() {
        Verdicts.assertNoDefects(StackRules.deployed(world.stack()));
    }

    @When("the stack's parameters are read")
    public void readParameters() {
        stack = world.stack();
        subnetZones = world.ec2().subnetZones(stack.subnetIds());
    }

    @Then("they break none of the template's and the vendor's rules")
    public void noRuleBroken() {
        Verdicts.assertNoDefects(ParameterRules.check(new ParameterRules.Input(stack.parameters(),
                Optional.of(stack.name()), world.configuredSecret(), Optional.of(subnetZones)))
                .stream().map(v -> "Stack " + stack.name() + ", " + v).toList());
    }

    @When("the certificate served for the domain is fetched")
    public void fetchCertificate() {
        try {
            certificate = world.tls().probe(world.endpoint().host(), world.endpoint().port());
        } catch (IOException e) {
            throw new UncheckedIOException("the preflight reached " + world.endpoint().host() + ", now TLS fails", e);
        }
        world.evidence().note("Certificate served for " + certificate.host() + ": " + certificate.subject()
                + ", names " + certificate.names() + ", issued by " + certificate.issuer() + ", valid until "
                + certificate.notAfter());
    }

    @Then("the certificate is valid for the domain")
    public void validForDomain() {
        Verdicts.assertNoDefects(CertificateRules.validForHost(certificate));
    }

    @Then("the certificate stays valid for at least {int} more days")
    public void validFor(int days) {
        Verdicts.assertNoDefects(CertificateRules.validForAtLeast(certificate, days));
    }

    @When("someone without credentials opens the domain's root page")
    public void openRoot() {
        root = world.api().root();
    }

    @Then("the stack's load balancer answers with its fixed 401")
    public void fixed401() {
        Verdicts.assertNoDefects(SecurityRules.rootIsTheBalancers401(root, world.stack()));
    }
}
