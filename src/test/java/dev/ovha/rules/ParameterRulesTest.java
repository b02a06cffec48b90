package dev.ovha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.config.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ParameterRulesTest {
    private static final String SECRET = "s3cr3t_value";

    /** The vendor's documented example values. */
    static Map<String, String> valid() {
        Map<String, String> p = new TreeMap<>();
        p.put("DomainName", "example-multimaster.openvidu.io");
        p.put("OpenViduSecret", SECRET);
        p.put("OpenViduProClusterId", "openvidu-multimaster");
        p.put("ElasticsearchEnabled", "true");
        p.put("ElasticsearchUrl", "https://example.elasticsearch.com:443");
        p.put("KibanaUrl", "https://example.kibana.com:443");
        p.put("ElasticsearchUser", "elasticadmin");
        p.put("ElasticsearchPassword", "long-enough");
        p.put("OpenViduSubnets", "subnet-a,subnet-b");
        p.put("MinMasterNodes", "1");
        p.put("DesiredMasterNodes", "2");
        p.put("MaxMasterNodes", "2");
        p.put("MinMediaNodes", "2");
        p.put("DesiredMediaNodes", "2");
        p.put("MaxMediaNodes", "4");
        p.put("ScaleUpMediaNodesAvgCpu", "70");
        p.put("ScaleDownMediaNodesAvgCpu", "30");
        return p;
    }

    private static final Optional<Map<String, String>> TWO_ZONES =
            Optional.of(Map.of("subnet-a", "eu-west-1a", "subnet-b", "eu-west-1b"));

    private static List<ParameterRules.Violation> check(Map<String, String> p) {
        return ParameterRules.check(new ParameterRules.Input(p, Optional.of("ov-prod"), Optional.empty(), TWO_ZONES));
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> p = valid();
        p.put(key, value);
        return p;
    }

    @Test
    void theVendorsExampleBreaksNoRule() {
        assertThat(check(valid())).isEmpty();
    }

    @Test
    void eachRuleNamesTheParameterAndTheFix() {
        assertThat(check(with("OpenViduProClusterId", "My-Cluster"))).extracting(ParameterRules.Violation::parameter)
                .containsExactly("OpenViduProClusterId");
        assertThat(check(with("ElasticsearchUrl", "https://es.example.com"))).singleElement()
                .extracting(ParameterRules.Violation::problem).asString().contains("explicit port", ":443");
        assertThat(check(with("ElasticsearchPassword", "12345"))).singleElement()
                .extracting(ParameterRules.Violation::parameter).isEqualTo("ElasticsearchPassword");
        assertThat(check(with("DesiredMasterNodes", "3"))).singleElement().asString()
                .contains("MinMasterNodes <= DesiredMasterNodes <= MaxMasterNodes", "1, 3 and 2");
        assertThat(check(with("ScaleDownMediaNodesAvgCpu", "70"))).singleElement().asString()
                .contains("is not below ScaleUpMediaNodesAvgCpu 70");
        assertThat(check(with("OpenViduSubnets", "subnet-a"))).singleElement().asString().contains("at least two");
        assertThat(check(with("DomainName", "Not A Domain"))).singleElement().asString().startsWith("DomainName:");
    }

    @Test
    void subnetsInOneZoneAreFoundWhenZonesAreKnownAndSkippedOffline() {
        Optional<Map<String, String>> oneZone = Optional.of(Map.of("subnet-a", "eu-west-1a", "subnet-b", "eu-west-1a"));
        assertThat(ParameterRules.check(new ParameterRules.Input(valid(), Optional.empty(), Optional.empty(), oneZone)))
                .singleElement().asString().contains("all lie in eu-west-1a", "needs subnets in two availability zones");
        assertThat(ParameterRules.check(new ParameterRules.Input(valid(), Optional.empty(), Optional.empty(),
                Optional.empty()))).isEmpty();
    }

    @Test
    void aLongStackNameIsFound() {
        assertThat(ParameterRules.check(new ParameterRules.Input(valid(), Optional.of("a-stack-name-of-thirty-chars-x"),
                Optional.empty(), TWO_ZONES))).singleElement().asString().contains("at most 29");
    }

    @Test
    void elasticsearchSettingsMustBeEmptyWhenDisabled() {
        Map<String, String> p = with("ElasticsearchEnabled", "false");
        assertThat(check(p)).extracting(ParameterRules.Violation::parameter)
                .containsExactly("ElasticsearchUrl", "KibanaUrl", "ElasticsearchUser", "ElasticsearchPassword");
        p.put("ElasticsearchUrl", "");
        p.put("KibanaUrl", "");
        p.put("ElasticsearchUser", "");
        p.put("ElasticsearchPassword", "");
        assertThat(check(p)).isEmpty();
    }

    @Test
    void aMaskedSecretIsCheckedOnTheConfiguredOneAndNeverShown() {
        Map<String, String> masked = with("OpenViduSecret", "****");
        masked.put("ElasticsearchPassword", "****");
        assertThat(ParameterRules.check(new ParameterRules.Input(masked, Optional.empty(), Optional.of(Secret.of(SECRET)),
                TWO_ZONES))).isEmpty();

        List<ParameterRules.Violation> bad = check(with("OpenViduSecret", "p@ss word!"));
        assertThat(bad).singleElement().asString().startsWith("OpenViduSecret:").doesNotContain("p@ss word!");
    }
}
