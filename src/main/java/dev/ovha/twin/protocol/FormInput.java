package dev.ovha.twin.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The input of a query-protocol or EC2-protocol call: a URL-encoded form. The two protocols spell
 * lists differently — query {@code Names.member.1=a}, EC2 {@code InstanceId.1=a} — which is the only
 * thing {@link ListStyle} decides.
 */
public final class FormInput implements AwsInput {

    /** How a protocol flattens lists into form keys. */
    public enum ListStyle {
        /** {@code Name.member.N} (Auto Scaling, ELBv2, CloudFormation, STS). */
        QUERY(".member."),
        /** {@code Name.N} (EC2). */
        EC2(".");

        private final String infix;

        ListStyle(String infix) {
            this.infix = infix;
        }
    }

    private final Map<String, String> params;
    private final String prefix;
    private final ListStyle style;

    private FormInput(Map<String, String> params, String prefix, ListStyle style) {
        this.params = params;
        this.prefix = prefix;
        this.style = style;
    }

    public FormInput(Map<String, String> params, ListStyle style) {
        this(params, "", style);
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} body. A malformed escape is an AWS
     * {@code MalformedQueryString} error, not a crash.
     */
    public static Map<String, String> parse(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.put(decode(key), decode(value));
            } catch (IllegalArgumentException e) {
                throw AwsError.badRequest("MalformedQueryString",
                        "The request's form body is not valid URL encoding near '" + truncate(pair) + "'");
            }
        }
        return params;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    public Optional<String> string(String name) {
        return Optional.ofNullable(params.get(prefix + name));
    }

    @Override
    public List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        for (int index : indices(name)) {
            String value = params.get(prefix + name + style.infix + index);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public List<AwsInput> structs(String name) {
        List<AwsInput> values = new ArrayList<>();
        for (int index : indices(name)) {
            values.add(new FormInput(params, prefix + name + style.infix + index + ".", style));
        }
        return values;
    }

    @Override
    public Optional<AwsInput> struct(String name) {
        String nested = prefix + name + ".";
        boolean present = params.keySet().stream().anyMatch(k -> k.startsWith(nested));
        return present ? Optional.of(new FormInput(params, nested, style)) : Optional.empty();
    }

    @Override
    public String invalidValueCode() {
        return style == ListStyle.EC2 ? "InvalidParameterValue" : "ValidationError";
    }

    /** The list indices present for {@code name}, ascending (1-based on the wire, but we do not insist). */
    private Iterable<Integer> indices(String name) {
        String listPrefix = prefix + name + style.infix;
        TreeMap<Integer, Boolean> found = new TreeMap<>();
        for (String key : params.keySet()) {
            if (!key.startsWith(listPrefix)) {
                continue;
            }
            String rest = key.substring(listPrefix.length());
            int end = rest.indexOf('.');
            String digits = end < 0 ? rest : rest.substring(0, end);
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 7) {
                found.put(Integer.parseInt(digits), true);
            }
        }
        return found.keySet();
    }
}
