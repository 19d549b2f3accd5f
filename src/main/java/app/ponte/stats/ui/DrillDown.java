package app.ponte.stats.ui;

import app.ponte.stats.Period;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a count on a statistics page leads: the leads or interactions list filtered to exactly the
 * records it counts (dashboards.md), by the lists' own URL parameters. One place builds these
 * links; the lists read the same parameters ({@code lead/ui/LeadLinks}, {@code InteractionsView}),
 * and {@code DrillDownTest} follows each kind of link and compares the list's count with the figure.
 *
 * <p>Leads list ({@code /leads}):
 * <ul>
 * <li>{@code from}, {@code to}: created in the period (local dates, inclusive): the cohort;</li>
 * <li>{@code channel}: of this channel (code);</li>
 * <li>{@code reached=STATUS}: the lead's max status (metrics.md) is at least STATUS;</li>
 * <li>{@code lost-from=STATUS}: now LOST, lost from STATUS;</li>
 * <li>{@code entered=STATUS&entered-from&entered-to[&entered-by=userId]}: has a change into STATUS
 *     in the period (by that user); for WON, its first change into WON;</li>
 * <li>{@code stalled=DAYS&as-of=INSTANT}: open, no activity for more than DAYS × 24 h before as-of.</li>
 * <li>{@code created-by=userId}: created by that user (with {@code from}, {@code to}: a marketer's leads
 *     created);</li>
 * <li>{@code below=STATUS}: the lead's max status is below STATUS (with {@code reached}: the leads that
 *     went no further on the bridge);</li>
 * <li>{@code entered-from-status=STATUS} (with {@code entered}): the change left STATUS (a rep's lost
 *     from OPPORTUNITY). These three: decision 031.</li>
 * </ul>
 * Interactions list ({@code /interactions}): {@code user} (id), {@code type}, {@code from}, {@code to}
 * (occurred in the period), {@code held=true} (held ones only: the statistics count no planned
 * interaction, decision 010; added by decision 027, as a planned interaction may lie in a past period).
 */
public final class DrillDown {

    private DrillDown() {
    }

    /** The period's cohort, optionally of one channel (null: all). */
    public static String cohort(StatsFilter filter) {
        return leads(cohortParameters(filter));
    }

    /** Cohort leads that reached {@code status} ({@code funnel.steps.S.reached}). */
    public static String reached(StatsFilter filter, String status) {
        Map<String, String> p = cohortParameters(filter);
        p.put("reached", status);
        return leads(p);
    }

    /** Cohort leads now LOST from {@code status} ({@code funnel.lost.S}). */
    public static String lostFrom(StatsFilter filter, String status) {
        Map<String, String> p = cohortParameters(filter);
        p.put("lost-from", status);
        return leads(p);
    }

    /**
     * Leads (of any cohort) with a change into {@code status} in the period, by {@code userId} when
     * non-null, of {@code channel} when non-null: a rep's won, a marketer's MQLs, a channel's customers.
     */
    public static String entered(String status, LocalDate from, LocalDate to, Long userId, String channel) {
        Map<String, String> p = new LinkedHashMap<>();
        if (channel != null) {
            p.put("channel", channel);
        }
        p.put("entered", status);
        p.put("entered-from", from.toString());
        p.put("entered-to", to.toString());
        if (userId != null) {
            p.put("entered-by", userId.toString());
        }
        return leads(p);
    }

    /** Leads created in the period by {@code userId}, all channels ({@code marketers.U.leadsCreated}). */
    public static String createdBy(Period period, long userId) {
        Map<String, String> p = cohortParameters(new StatsFilter(period, null));
        p.put("created-by", Long.toString(userId));
        return leads(p);
    }

    /**
     * Cohort leads that reached {@code reached} (null: the whole cohort) and not {@code next}: those
     * that went no further on the bridge ({@code funnel.steps.R.reached − funnel.steps.N.reached}).
     */
    public static String wentNoFurther(StatsFilter filter, String reached, String next) {
        Map<String, String> p = cohortParameters(filter);
        if (reached != null && !reached.equals("NEW")) {
            p.put("reached", reached);
        }
        p.put("below", next);
        return leads(p);
    }

    /**
     * Leads with a change from {@code fromStatus} into {@code status} in the period by {@code userId}
     * ({@code reps.U.lostFromOpportunity}: OPPORTUNITY into LOST).
     */
    public static String left(String fromStatus, String status, LocalDate from, LocalDate to, long userId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("entered", status);
        p.put("entered-from", from.toString());
        p.put("entered-to", to.toString());
        p.put("entered-by", Long.toString(userId));
        p.put("entered-from-status", fromStatus);
        return leads(p);
    }

    /** Open leads stalled at {@code asOf} ({@code stalled.byStatus}), optionally in one status. */
    public static String stalled(int days, Instant asOf, String status) {
        Map<String, String> p = new LinkedHashMap<>();
        if (status != null) {
            p.put("status", status);
        }
        p.put("stalled", Integer.toString(days));
        p.put("as-of", asOf.toString());
        return leads(p);
    }

    /** Held interactions by one user (null: everyone), of one type (null: all), occurred in the period. */
    public static String interactions(Long userId, String type, LocalDate from, LocalDate to) {
        Map<String, String> p = new LinkedHashMap<>();
        if (userId != null) {
            p.put("user", userId.toString());
        }
        if (type != null) {
            p.put("type", type);
        }
        p.put("from", from.toString());
        p.put("to", to.toString());
        p.put("held", "true");
        return "interactions?" + QueryParameters.simple(p).getQueryString();
    }

    private static Map<String, String> cohortParameters(StatsFilter filter) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", filter.period().from().toString());
        p.put("to", filter.period().to().toString());
        if (filter.channel() != null) {
            p.put("channel", filter.channel());
        }
        return p;
    }

    private static String leads(Map<String, String> parameters) {
        return "leads?" + new QueryParameters(toLists(parameters)).getQueryString();
    }

    private static Map<String, List<String>> toLists(Map<String, String> parameters) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        parameters.forEach((k, v) -> lists.put(k, List.of(v)));
        return lists;
    }
}
