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
 * bucket by ETag (the {@code .env} among them), and the configuration each master runs.
 *
 * @param groups  per group: min, max, desired and in-service members
 * @param objects per bucket/key: the ETag
 * @param masters per master: the configuration it loaded
 * @param sizes   per group: min, max, desired and how many members are in service (a fault may replace them)
 * @param fis     FIS templates left and experiments still running, and subnets still cut off
 */
record TwinState(Map<String, String> groups, Map<String, String> objects, Map<String, Map<String, String>> masters,
                 Map<String, String> sizes, List<String> fis) {

    @SuppressWarnings("unchecked")
    static TwinState of(Twin twin) {
        return twin.inWorld(world -> {
            Map<String, Object> dump = StateDump.of(world);
            Map<String, String> groups = new TreeMap<>();
            Map<String, String> sizes = new TreeMap<>();
            for (Map<String, Object> g : (List<Map<String, Object>>) dump.get("autoScalingGroups")) {
                List<String> inService = new ArrayList<>();
                for (Map<String, Object> i : (List<Map<String, Object>>) g.get("instances")) {
                    if ("InService".equals(i.get("lifecycleState"))) {
                        inService.add(String.valueOf(i.get("instanceId")));
                    }
                }
                String size = "min " + g.get("minSize") + ", max " + g.get("maxSize") + ", desired " + g.get("desiredCapacity");
                groups.put(String.valueOf(g.get("name")), size + ", in service " + inService.stream().sorted().toList());
                sizes.put(String.valueOf(g.get("name")), size + ", " + inService.size() + " in service");
            }
            List<String> fis = new ArrayList<>();
            world.fis().templates().forEach(t -> fis.add("template " + t.id() + " left"));
            world.fis().experiments(java.util.Optional.empty()).stream().filter(e -> !e.status().isTerminal())
                    .forEach(e -> fis.add("experiment " + e.id() + " " + e.status().apiName()));
            world.network().cutSubnets().forEach(subnet -> fis.add("subnet " + subnet + " cut off"));
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
            return new TwinState(groups, objects, masters, sizes, fis);
        });
    }

    /**
     * After a fault that kills instances (@disruptive): the groups replace them, so members and masters may be
     * new ones; what must be as before is each group's sizes, the objects, the configuration the masters run
     * (but for their own AWS_INSTANCE_ID), and nothing of FIS left over.
     */
    List<String> differencesAfterFault(TwinState before) {
        List<String> differences = new ArrayList<>();
        if (!sizes.equals(before.sizes)) {
            differences.add("groups " + before.sizes + " -> " + sizes);
        }
        if (!objects.equals(before.objects)) {
            differences.add("objects " + before.objects + " -> " + objects);
        }
        if (!configurations().equals(before.configurations())) {
            differences.add("the masters run other configurations (keys " + keysOf(before) + " -> " + keysOf(this) + ")");
        }
        if (!fis.isEmpty()) {
            differences.add("left behind: " + fis);
        }
        return differences;
    }

    private List<Map<String, String>> configurations() {
        return masters.entrySet().stream().filter(e -> e.getKey().endsWith(" UP")).map(e -> {
            Map<String, String> config = new TreeMap<>(e.getValue());
            config.remove("AWS_INSTANCE_ID");
            return (Map<String, String>) config;
        }).sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    private static List<String> keysOf(TwinState state) {
        return state.masters.keySet().stream().toList();
    }

    /** What differs from {@code before}, without values (the configuration holds the secret). */
    List<String> differencesFrom(TwinState before) {
        List<String> differences = new ArrayList<>();
        if (!fis.isEmpty()) {
            differences.add("left behind: " + fis);
        }
        if (!groups.equals(before.groups)) {
            differences.add("groups " + before.groups + " -> " + groups);
        }
        if (!objects.equals(before.objects)) {
            differences.add("objects " + before.objects + " -> " + objects);
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
