package dev.ovha.selftest;

import dev.ovha.twin.Twin;
import dev.ovha.twin.control.StateDump;
import dev.ovha.twin.openvidu.MasterNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scenario must leave as it found it, read from the twin's state dump (the control API's
 * {@code GET /state}) and its masters: each group's sizes and in-service members, every object of every
 * bucket by ETag (the {@code .env} among them), the configuration each master runs, and what FIS holds that is
 * not history: templates, and experiments not yet over.
 *
 * @param groups  per group: min, max, desired and in-service members
 * @param objects per bucket/key: the ETag
 * @param masters per master: the configuration it loaded
 * @param fis     the FIS templates left, and the experiments still running (or starting, or stopping)
 */
record TwinState(Map<String, String> groups, Map<String, String> objects, Map<String, Map<String, String>> masters,
                 String fis) {

    @SuppressWarnings("unchecked")
    static TwinState of(Twin twin) {
        return twin.inWorld(world -> {
            Map<String, Object> dump = StateDump.of(world);
            Map<String, String> groups = new TreeMap<>();
            for (Map<String, Object> g : (List<Map<String, Object>>) dump.get("autoScalingGroups")) {
                List<String> inService = new ArrayList<>();
                for (Map<String, Object> i : (List<Map<String, Object>>) g.get("instances")) {
                    if ("InService".equals(i.get("lifecycleState"))) {
                        inService.add(String.valueOf(i.get("instanceId")));
                    }
                }
                groups.put(String.valueOf(g.get("name")), "min " + g.get("minSize") + ", max " + g.get("maxSize")
                        + ", desired " + g.get("desiredCapacity") + ", in service " + inService.stream().sorted().toList());
            }
            Map<String, String> objects = new TreeMap<>();
            for (Map<String, Object> b : (List<Map<String, Object>>) dump.get("buckets")) {
                for (Map<String, Object> o : (List<Map<String, Object>>) b.get("objects")) {
                    objects.put(b.get("name") + "/" + o.get("key"), String.valueOf(o.get("etag")));
                }
            }
            Map<String, Map<String, String>> masters = new TreeMap<>();
            for (MasterNode master : world.openVidu().masters()) {
                masters.put(master.instanceId() + " " + master.status(), new TreeMap<>(master.config().asMap()));
            }
            List<String> templates = world.fis().templates().stream().map(t -> t.id()).sorted().toList();
            List<String> running = world.fis().experiments(java.util.Optional.empty()).stream()
                    .filter(e -> !e.status().isTerminal()).map(e -> e.id() + " " + e.status().apiName()).sorted().toList();
            return new TwinState(groups, objects, masters, "templates " + templates + ", experiments not over " + running);
        });
    }

    /** What differs from {@code before}, without values (the configuration holds the secret). */
    List<String> differencesFrom(TwinState before) {
        List<String> differences = new ArrayList<>();
        if (!groups.equals(before.groups)) {
            differences.add("groups " + before.groups + " -> " + groups);
        }
        if (!objects.equals(before.objects)) {
            differences.add("objects " + before.objects + " -> " + objects);
        }
        if (!fis.equals(before.fis)) {
            differences.add("FIS " + before.fis + " -> " + fis);
        }
        if (!masters.keySet().equals(before.masters.keySet())) {
            differences.add("masters " + before.masters.keySet() + " -> " + masters.keySet());
        } else {
            masters.forEach((master, config) -> {
                Map<String, String> was = before.masters.get(master);
                List<String> keys = new ArrayList<>();
                config.forEach((k, v) -> {
                    if (!v.equals(was.get(k))) {
                        keys.add(k);
                    }
                });
                was.keySet().stream().filter(k -> !config.containsKey(k)).forEach(keys::add);
                if (!keys.isEmpty()) {
                    differences.add("master " + master + " runs other values of " + keys);
                }
            });
        }
        return differences;
    }
}
