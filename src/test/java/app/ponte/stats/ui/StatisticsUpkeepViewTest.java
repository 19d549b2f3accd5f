package app.ponte.stats.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.lead.LeadId;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import app.ponte.stats.StatsFixture;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** ADMIN: the statistics' running totals checked against the data and rebuilt from it, from the UI. */
class StatisticsUpkeepViewTest extends KaribuTest {

    /** 1952: a year no other test writes. */
    private static final Instant DAY = Instant.parse("1952-03-04T10:00:00Z");

    @Autowired
    SectionLoader loader;

    @Autowired
    StatsFixture data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_sees_rows_written_around_ponte_as_a_difference_and_a_rebuild_corrects_it() {
        UserSummary admin = testUsers.create("upkeep-admin", Role.ADMIN);
        UserSummary rep = testUsers.create("upkeep-rep", Role.SALES);
        login(admin.username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/statistics");
        StatisticsUpkeepView view = _get(StatisticsUpkeepView.class);
        rebuild();
        assertThat(view.result.getText()).startsWith("Rebuilt in ").contains("interactions per day: ");
        check();
        assertThat(view.result.getText()).isEqualTo("The statistics agree with the data.");

        // a writer that bypasses Ponte: plain SQL, which nothing counts
        LeadId lead = data.lead(data.channel(StatsFixture.prefix(), "ONLINE"), DAY.minusSeconds(86_400), rep.id());
        jdbc.sql("insert into interaction (lead_id, type, occurred_at, planned, user_id, logged_by_id, outcome_score,"
                        + " lead_status, created_at, updated_at, version) values (:lead, 'CALL', :at, false, :user,"
                        + " :user, 4, 'NEW', :at, :at, 0)")
                .param("lead", lead.value()).param("at", OffsetDateTime.ofInstant(DAY, ZoneOffset.UTC))
                .param("user", rep.id().value()).update();
        check();
        assertThat(view.result.getText()).contains("differ from the data").contains("interactions per day: 1");

        rebuild();
        check();
        assertThat(view.result.getText()).isEqualTo("The statistics agree with the data.");
        assertThat(view.check.isEnabled()).isTrue();
        assertThat(view.rebuild.isEnabled()).isTrue();
    }

    private void check() {
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("upkeep-check")));
        settle();
    }

    private void rebuild() {
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("upkeep-rebuild")));
        var confirm = _get(ConfirmDialog.class, spec -> spec.withId("upkeep-rebuild-confirm"));
        assertThat(confirm.isOpened()).isTrue();
        confirm.close(); // as the browser does on the confirm button, then the event
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        settle();
    }

    private void settle() {
        try {
            loader.awaitIdle(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        MockVaadin.clientRoundtrip(false);
    }
}
