package app.ponte.stats.ui;

import app.ponte.stats.Period;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a statistics page shows: a period and, optionally, one channel (null: all). It lives in the
 * page's URL as {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD[&channel=CODE]} (dashboards.md), so a link
 * reproduces the view.
 */
public record StatsFilter(Period period, String channel) {

    public static StatsFilter of(PeriodPreset preset, LocalDate today) {
        return new StatsFilter(preset.period(today), null);
    }

    public StatsFilter withPeriod(Period newPeriod) {
        return new StatsFilter(newPeriod, channel);
    }

    public StatsFilter withChannel(String newChannel) {
        return new StatsFilter(period, newChannel);
    }

    /**
     * The filter a URL names. A missing or unreadable date, or {@code from} after {@code to}, gives the
     * default period; a channel not in {@code knownChannels} is left out (the page shows all channels,
     * never an error).
     */
    public static StatsFilter fromQuery(QueryParameters query, LocalDate today, Set<String> knownChannels) {
        Map<String, List<String>> parameters = query.getParameters();
        Period period = date(parameters, "from")
                .flatMap(from -> date(parameters, "to").filter(to -> !from.isAfter(to)).map(to -> new Period(from, to)))
                .orElseGet(() -> PeriodPreset.DEFAULT.period(today));
        String channel = first(parameters, "channel").filter(knownChannels::contains).orElse(null);
        return new StatsFilter(period, channel);
    }

    /** The URL parameters naming this filter, in a stable order. */
    public QueryParameters toQuery() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("from", List.of(period.from().toString()));
        parameters.put("to", List.of(period.to().toString()));
        if (channel != null) {
            parameters.put("channel", List.of(channel));
        }
        return new QueryParameters(parameters);
    }

    private static Optional<LocalDate> date(Map<String, List<String>> parameters, String name) {
        return first(parameters, name).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isEmpty()).map(List::getFirst)
                .filter(v -> !v.isBlank());
    }
}
