package dev.ovha.probe;

import dev.ovha.openvidu.RegisteredMediaNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What repeated {@code GET /openvidu/api/media-nodes} requests through the load balancer showed.
 *
 * @param bound   how many requests were made, and why that many reach every master
 * @param answers each answer's media nodes, in order
 */
public record MediaViewSample(CoverageBound bound, List<List<RegisteredMediaNode>> answers) {
    public MediaViewSample {
        answers = answers.stream().map(List::copyOf).toList();
    }

    /** The distinct views, each as {@code id ip status connected} lines, with how many answers showed it. */
    public Map<SortedSet<String>, Integer> views() {
        Map<SortedSet<String>, Integer> views = new LinkedHashMap<>();
        for (List<RegisteredMediaNode> answer : answers) {
            views.merge(view(answer), 1, Integer::sum);
        }
        return views;
    }

    /** A view: what a master says about each node, order aside. */
    static SortedSet<String> view(List<RegisteredMediaNode> nodes) {
        TreeSet<String> view = new TreeSet<>();
        nodes.forEach(n -> view.add(n.id() + " " + n.ip() + " " + n.status() + (n.connected() ? " connected" : " disconnected")));
        return view;
    }
}
