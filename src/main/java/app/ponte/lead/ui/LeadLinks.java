package app.ponte.lead.ui;

import app.ponte.lead.BridgeStage;
import app.ponte.lead.LeadFilter;
import app.ponte.lead.LeadStatus;
import app.ponte.security.UserId;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lead list's filters as URL query parameters, so a link (from the board's "more", a
 * bookmark, a colleague) reproduces the view: {@code q}, {@code status}, {@code stage},
 * {@code channel}, {@code owner} (user id), {@code mine=true}, {@code from}, {@code to} (ISO dates),
 * and the statistics' drill-down ({@code app.ponte.stats.ui.DrillDown}, decision 027): {@code reached},
 * {@code lost-from} (statuses), {@code entered} with {@code entered-from}, {@code entered-to} (ISO dates,
 * both needed), {@code entered-by} (user id) and {@code entered-from-status} (the status the change left),
 * {@code stalled} (days) with {@code as-of} (ISO instant), {@code created-by} (user id) and {@code below}
 * (a status: the max status is below it; decision 031).
 * Unknown or malformed values are ignored rather than failing the page.
 */
final class LeadLinks {

    static final String LEADS_ROUTE = "leads";

    private LeadLinks() {
    }

    static QueryParameters toParameters(LeadFilter filter) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "q", filter.text() == null || filter.text().isBlank() ? null : filter.text().strip());
        put(params, "status", filter.status() == null ? null : filter.status().name());
        put(params, "stage", filter.stage() == null ? null : filter.stage().name());
        put(params, "channel", filter.channelCode());
        put(params, "owner", filter.owner() == null ? null : Long.toString(filter.owner().value()));
        put(params, "mine", filter.onlyMine() ? "true" : null);
        put(params, "from", filter.createdFrom() == null ? null : filter.createdFrom().toString());
        put(params, "to", filter.createdTo() == null ? null : filter.createdTo().toString());
        put(params, "reached", filter.reached() == null ? null : filter.reached().name());
        put(params, "lost-from", filter.lostFrom() == null ? null : filter.lostFrom().name());
        if (filter.entered() != null) {
            put(params, "entered", filter.entered().name());
            put(params, "entered-from", filter.enteredFrom().toString());
            put(params, "entered-to", filter.enteredTo().toString());
            put(params, "entered-by", filter.enteredBy() == null ? null : Long.toString(filter.enteredBy().value()));
            put(params, "entered-from-status",
                    filter.enteredFromStatus() == null ? null : filter.enteredFromStatus().name());
        }
        put(params, "created-by", filter.createdBy() == null ? null : Long.toString(filter.createdBy().value()));
        put(params, "below", filter.below() == null ? null : filter.below().name());
        if (filter.stalledDays() != null) {
            put(params, "stalled", filter.stalledDays().toString());
            put(params, "as-of", filter.asOf() == null ? null : filter.asOf().toString());
        }
        return new QueryParameters(params);
    }

    static LeadFilter fromParameters(QueryParameters parameters) {
        Map<String, List<String>> p = parameters.getParameters();
        Optional<LocalDate> enteredFrom = first(p, "entered-from").flatMap(LeadLinks::parseDate);
        Optional<LocalDate> enteredTo = first(p, "entered-to").flatMap(LeadLinks::parseDate);
        // a change into a status needs its whole period; a half or reversed one narrows nothing
        Optional<LeadStatus> entered = first(p, "entered").flatMap(v -> parse(LeadStatus.class, v))
                .filter(s -> enteredFrom.isPresent() && enteredTo.isPresent()
                        && !enteredFrom.get().isAfter(enteredTo.get()));
        return new LeadFilter(
                first(p, "q").orElse(null),
                first(p, "status").flatMap(v -> parse(LeadStatus.class, v)).orElse(null),
                first(p, "stage").flatMap(v -> parse(BridgeStage.class, v)).orElse(null),
                first(p, "channel").orElse(null),
                first(p, "owner").flatMap(LeadLinks::parseLong).map(UserId::new).orElse(null),
                first(p, "mine").map("true"::equalsIgnoreCase).orElse(false),
                first(p, "from").flatMap(LeadLinks::parseDate).orElse(null),
                first(p, "to").flatMap(LeadLinks::parseDate).orElse(null))
                .withReached(first(p, "reached").flatMap(v -> parse(LeadStatus.class, v))
                        .filter(s -> s != LeadStatus.LOST).orElse(null))
                .withLostFrom(first(p, "lost-from").flatMap(v -> parse(LeadStatus.class, v))
                        .filter(LeadStatus::isOpen).orElse(null))
                .withEntered(entered.orElse(null), enteredFrom.orElse(null), enteredTo.orElse(null),
                        first(p, "entered-by").flatMap(LeadLinks::parseLong).map(UserId::new).orElse(null))
                .withEnteredFrom(first(p, "entered-from-status").flatMap(v -> parse(LeadStatus.class, v)).orElse(null))
                .withCreatedBy(first(p, "created-by").flatMap(LeadLinks::parseLong).map(UserId::new).orElse(null))
                .withBelow(first(p, "below").flatMap(v -> parse(LeadStatus.class, v))
                        .filter(s -> s != LeadStatus.LOST).orElse(null))
                .withStalled(first(p, "stalled").flatMap(LeadLinks::parseLong).filter(d -> d >= 0 && d <= 36_500)
                        .map(Long::intValue).orElse(null), first(p, "as-of").flatMap(LeadLinks::parseInstant).orElse(null));
    }

    /** The URL of the lead list with these filters, e.g. for an anchor. */
    static String href(LeadFilter filter) {
        String query = toParameters(filter).getQueryString();
        return query.isEmpty() ? LEADS_ROUTE : LEADS_ROUTE + "?" + query;
    }

    private static void put(Map<String, List<String>> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.put(name, List.of(value));
        }
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return Optional.ofNullable(params.get(name)).filter(v -> !v.isEmpty()).map(List::getFirst)
                .filter(v -> !v.isBlank());
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<java.time.Instant> parseInstant(String value) {
        try {
            return Optional.of(java.time.Instant.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDate(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
