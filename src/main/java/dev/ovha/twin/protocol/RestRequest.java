package dev.ovha.twin.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request to a REST service (S3's rest-xml, later FIS's rest-json) as its service reads it: method,
 * decoded path, decoded query parameters (a name without {@code =}, such as {@code ?location}, has the
 * value {@code ""}; a repeated name keeps its first value in {@code query}, and every value in
 * {@code queryLists}, for list members such as FIS's {@code ?tagKeys=a&tagKeys=b}), headers looked up
 * case-insensitively, the raw body, and the request id the answer must carry.
 */
public record RestRequest(String method, String path, Map<String, String> query, Map<String, List<String>> queryLists,
                          Map<String, String> headers, byte[] body, String requestId) {

    public RestRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = Collections.unmodifiableMap(caseInsensitive);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        Map<String, List<String>> lists = new LinkedHashMap<>();
        queryLists.forEach((name, values) -> lists.put(name, List.copyOf(values)));
        queryLists = Collections.unmodifiableMap(lists);
    }

    /** From the request as it came off the wire: a raw (still percent-encoded) path and query string. */
    public static RestRequest of(String method, String rawPath, String rawQuery, Map<String, String> headers,
                                 byte[] body, String requestId) {
        Map<String, List<String>> lists = parseQueryLists(rawQuery);
        Map<String, String> first = new LinkedHashMap<>();
        lists.forEach((name, values) -> first.put(name, values.get(0)));
        return new RestRequest(method, UriEncoding.decodePath(rawPath == null || rawPath.isEmpty() ? "/" : rawPath),
                first, lists, headers, body, requestId);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** Every value of a repeated query parameter, in order; none when absent. */
    public List<String> params(String name) {
        return queryLists.getOrDefault(name, List.of());
    }

    public boolean hasParam(String name) {
        return query.containsKey(name);
    }

    public boolean isHead() {
        return method.equals("HEAD");
    }

    static Map<String, List<String>> parseQueryLists(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = UriEncoding.decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : UriEncoding.decodeQuery(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
