package dev.ovha.rules;

import dev.ovha.driver.ConfigFile;
import dev.ovha.driver.Master;
import dev.ovha.openvidu.ClusterHealth;
import dev.ovha.openvidu.OpenViduConfig;
import dev.ovha.probe.BalancingSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The masters serve one configuration, and the cluster reports itself healthy. */
public final class ConfigRules {
    private ConfigRules() {
    }

    /** Every healthy master answered, and all answered the same configuration but for {@code AWS_INSTANCE_ID}. */
    public static List<String> sameConfiguration(BalancingSample sample, Set<String> healthyMasters) {
        List<String> defects = new ArrayList<>();
        TreeSet<String> missed = new TreeSet<>(healthyMasters);
        missed.removeAll(sample.configs().keySet());
        if (!missed.isEmpty()) {
            defects.add("Masters " + missed + " never answered in " + sample.requests() + " requests ("
                    + sample.bound().explained() + "), so their configuration could not be compared; see the"
                    + " load-balancing check.");
        }
        Map<String, OpenViduConfig> configs = sample.configs();
        TreeSet<String> keys = new TreeSet<>();
        configs.values().forEach(c -> keys.addAll(c.shared().keySet()));
        for (String key : keys) {
            Set<Object> values = configs.values().stream().map(c -> c.shared().get(key))
                    .collect(Collectors.toSet());
            if (values.size() > 1) {
                defects.add("Masters disagree on " + key + ": " + configs.entrySet().stream()
                        .map(e -> e.getKey() + " → " + Objects.toString(e.getValue().shared().get(key), "(absent)"))
                        .collect(Collectors.joining("; ")) + ".");
            }
        }
        if (defects.size() > (missed.isEmpty() ? 0 : 1)) {
            defects.add("Every master loads the same .env from the stack's S3 bucket: one that differs was changed"
                    + " by hand or missed a restart. Restart the masters (POST /openvidu/api/restart with an empty"
                    + " body) or terminate the odd one so the group replaces it.");
        }
        return defects;
    }

    /**
     * The {@code .env} in the configuration bucket and the configuration every healthy master serves agree
     * on every key both have ({@code AWS_INSTANCE_ID} aside: each master writes its own). An empty value in
     * the file means OpenVidu's default, so it is not compared. Values are compared as OpenVidu reads them:
     * booleans ignoring case, numbers by value, lists by their items, paths with or without a final slash.
     */
    public static List<String> dotEnvAgreesWithServed(ConfigFile file, BalancingSample sample, Set<String> healthyMasters) {
        List<String> defects = new ArrayList<>();
        TreeSet<String> missed = new TreeSet<>(healthyMasters);
        missed.removeAll(sample.configs().keySet());
        if (!missed.isEmpty()) {
            defects.add("Masters " + missed + " never answered in " + sample.requests() + " requests ("
                    + sample.bound().explained() + "), so what they serve could not be compared with " + file.location()
                    + "; see the load-balancing check.");
        }
        TreeSet<String> compared = new TreeSet<>();
        for (String key : file.values().keySet()) {
            String expected = file.values().get(key);
            if (key.equals(OpenViduConfig.INSTANCE_ID) || expected.isBlank()) {
                continue;
            }
            TreeSet<String> differing = new TreeSet<>();
            TreeSet<String> served = new TreeSet<>();
            sample.configs().forEach((master, config) -> config.value(key).ifPresent(value -> {
                compared.add(key);
                if (!ServedValues.same(expected, value)) {
                    differing.add(master);
                    served.add(ServedValues.shown(value));
                }
            }));
            if (!differing.isEmpty()) {
                defects.add(key + ": " + file.location() + " says " + expected + ", but masters " + differing + " serve "
                        + String.join(" / ", served) + ".");
            }
        }
        if (compared.isEmpty() && !sample.configs().isEmpty()) {
            defects.add(file.location() + " and the served configuration have no key in common (the file has "
                    + file.values().keySet() + "): it is not the .env the masters load. Check OpenViduS3BucketName.");
        } else if (defects.size() > (missed.isEmpty() ? 0 : 1)) {
            defects.add("The masters serve another configuration than the .env every new master will load: the file was"
                    + " edited without the masters restarting (is OpenViduS3ConfigAutoRestart false?), or the masters were"
                    + " changed another way. Restart the masters (POST /openvidu/api/restart with an empty body) to load"
                    + " the file, or put the served values back into it.");
        }
        return defects;
    }

    /** {@code /health} is 200 UP and, from 2.28, lists every serving master as UP. */
    public static List<String> healthyCluster(ClusterHealth health, List<Master> serving) {
        List<String> defects = new ArrayList<>();
        if (health.httpStatus() != 200 || !health.status().equals("UP")) {
            defects.add("GET /openvidu/api/health answered " + health.httpStatus() + " " + health.status()
                    + ", expected 200 UP" + (health.disconnectedMediaNodes().isEmpty() ? ""
                    : ": media nodes disconnected from the masters: " + health.disconnectedMediaNodes()
                    + ". Check those instances (running? their security group open to the masters on 3000, 4000"
                    + " and 8888?) or terminate them so the media group replaces them") + ".");
        }
        if (health.listsMasters()) {
            for (Master master : serving) {
                String id = "master_" + master.privateIp();
                health.masters().stream().filter(m -> m.id().equals(id)).findFirst().ifPresentOrElse(
                        m -> {
                            if (!m.status().equals("UP")) {
                                defects.add("Master " + master.instanceId() + " (" + id + ") reports " + m.status()
                                        + " in /health, expected UP.");
                            }
                        },
                        () -> defects.add("Healthy master " + master.instanceId() + " (" + id + ") is missing from"
                                + " /health, which lists " + health.masters().stream()
                                .map(ClusterHealth.MasterHealth::id).toList()
                                + ": the masters do not know each other (check the replication-manager logs)."));
            }
        }
        return defects;
    }
}
