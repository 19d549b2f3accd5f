package app.ponte.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statuses as SQL follow the enum: every status, in its order, the open ones exactly those that are open. */
class LeadStatusSqlTest {

    @Test
    void the_open_statuses_are_those_the_enum_calls_open() {
        assertThat(LeadStatusSql.OPEN).containsExactly(LeadStatus.NEW, LeadStatus.MQL, LeadStatus.SQL,
                LeadStatus.OPPORTUNITY);
        assertThat(LeadStatusSql.open("l.status"))
                .isEqualTo("l.status in ('NEW', 'MQL', 'SQL', 'OPPORTUNITY')");
    }

    @Test
    void every_status_sorts_in_the_enum_order_with_lost_last() {
        assertThat(LeadStatusSql.sortOrder("s")).isEqualTo("case s when 'NEW' then 0 when 'MQL' then 1"
                + " when 'SQL' then 2 when 'OPPORTUNITY' then 3 when 'WON' then 4 when 'LOST' then 5 end");
        for (LeadStatus status : LeadStatus.values()) {
            assertThat(LeadStatusSql.sortOrder("s")).contains(LeadStatusSql.literal(status) + " then " + status.ordinal());
        }
    }

    @Test
    void a_condition_names_the_status_as_a_literal() {
        assertThat(LeadStatusSql.is("c.to_status", LeadStatus.WON)).isEqualTo("c.to_status = 'WON'");
        assertThat(LeadStatusSql.in("x", List.of(LeadStatus.LOST))).isEqualTo("x in ('LOST')");
    }
}
