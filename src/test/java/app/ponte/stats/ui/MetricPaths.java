package app.ponte.stats.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code data-metric} path of dashboards.md through an API answer: {@code <endpoint>.<path>},
 * where an array element is named by its natural key ({@code status}, {@code username},
 * {@code channel}, {@code start}, {@code id}, ...) and a top-level key that repeats the endpoint's name
 * is left out ({@code reps.rossi.winRate} is {@code $.reps[username=rossi].winRate}). Shared by the
 * "one number everywhere" tests of the statistics pages.
 */
public final class MetricPaths {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every endpoint of {@code /api/stats/} a page figure may name (the longest first, for prefix matching). */
    public static final List<String> ENDPOINTS = List.of("funnel", "stage-durations", "time-to-customer", "reps",
            "marketers", "handoffs", "channels", "repeat-purchases", "volume", "stalled", "campaigns", "content",
            "plan", "targets", "retention", "qualification").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /** The fields that name an array element, in the order they are tried. */
    private static final List<String> NATURAL_KEYS = List.of("status", "username", "channel", "start", "id",
            "campaign", "content", "month", "band", "code");

    private MetricPaths() {
    }

    /** The endpoint a metric names: {@code funnel} of {@code funnel.steps.MQL.conversion}. */
    public static String endpoint(String metric) {
        return ENDPOINTS.stream().filter(e -> metric.startsWith(e + ".")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no endpoint in metric " + metric));
    }

    /**
     * The API URL that answers {@code endpoint} for a page's root attributes, with the parameters that
     * endpoint takes (channel only where the API has it; asOf for the "now" figures; bucket for volume).
     */
    public static String url(String endpoint, Map<String, String> root, String bucket) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!endpoint.equals("stalled")) {
            p.put("from", root.get("data-from"));
            p.put("to", root.get("data-to"));
        }
        if ((endpoint.equals("funnel") || endpoint.equals("stage-durations") || endpoint.equals("campaigns"))
                && root.get("data-channel") != null) {
            p.put("channel", root.get("data-channel"));
        }
        if (endpoint.equals("handoffs") || endpoint.equals("stalled") || endpoint.equals("retention")
                || endpoint.equals("plan")) {
            p.put("asOf", root.get("data-as-of"));
        }
        if (endpoint.equals("stalled")) {
            p.put("days", root.getOrDefault("data-stalled-days", "14"));
        }
        if (endpoint.equals("volume")) {
            p.put("bucket", bucket);
        }
        StringBuilder url = new StringBuilder("/api/stats/").append(endpoint);
        char separator = '?';
        for (var e : p.entrySet()) {
            // dates, codes and ISO instants need no escaping (MockMvc would escape a second time)
            url.append(separator).append(e.getKey()).append('=').append(e.getValue());
            separator = '&';
        }
        return url.toString();
    }

    /** The value at {@code metric} in the endpoint's JSON answer; throws when the path leads nowhere. */
    public static JsonNode walk(JsonNode answer, String metric) {
        String endpoint = endpoint(metric);
        String rest = metric.substring(endpoint.length() + 1);
        JsonNode node = answer;
        // the endpoint-named top-level key is left out of the path (reps.rossi…, not reps.reps.rossi…)
        if (node.isObject() && node.has(endpoint) && !startsWithKey(node, rest)) {
            node = node.get(endpoint);
        }
        while (!rest.isEmpty()) {
            // a key may itself hold dots (a username such as "a.rossi"): take the longest that matches
            String matched = null;
            JsonNode next = null;
            String[] parts = rest.split("\\.", -1);
            for (int n = parts.length; n >= 1 && matched == null; n--) {
                String candidate = String.join(".", java.util.Arrays.copyOf(parts, n));
                JsonNode child = child(node, candidate);
                if (child != null) {
                    matched = candidate;
                    next = child;
                }
            }
            if (matched == null) {
                throw new AssertionError("metric " + metric + ": nothing at \"" + rest + "\" in " + node);
            }
            node = next;
            rest = rest.length() == matched.length() ? "" : rest.substring(matched.length() + 1);
        }
        return node;
    }

    private static boolean startsWithKey(JsonNode node, String rest) {
        String first = rest.split("\\.", 2)[0];
        return node.has(first);
    }

    private static JsonNode child(JsonNode node, String key) {
        if (node.isObject()) {
            return node.has(key) ? node.get(key) : null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                for (String natural : NATURAL_KEYS) {
                    JsonNode k = element.get(natural);
                    if (k != null && !k.isNull() && k.asString().equals(key)) {
                        return element;
                    }
                }
            }
        }
        return null;
    }

    /** Whether a page's {@code data-value} (a JSON literal) is the API's value: numbers numerically, null = null. */
    public static boolean same(JsonNode api, String dataValue) {
        JsonNode page = JSON.readTree(dataValue);
        if (api == null || api.isNull() || page.isNull()) {
            return (api == null || api.isNull()) && page.isNull();
        }
        if (api.isNumber() && page.isNumber()) {
            return new BigDecimal(api.asString()).compareTo(new BigDecimal(page.asString())) == 0;
        }
        if (api.isString() && page.isString()) {
            return api.asString().equals(page.asString()) || sameInstant(api.asString(), page.asString());
        }
        return api.equals(page);
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return Instant.parse(a).equals(Instant.parse(b));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public static JsonNode read(String json) {
        return JSON.readTree(json);
    }
}
