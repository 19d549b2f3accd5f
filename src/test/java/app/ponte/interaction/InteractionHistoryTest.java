package app.ponte.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.lead.ImportedLead;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadHistoryService;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Imported interactions keep their time and author and take the lead's status at that time. */
@PonteTest
@Tag("persistence")
class InteractionHistoryTest {

    @Autowired
    InteractionHistory history;

    @Autowired
    LeadService leads;


    @Autowired

    LeadHistoryService leadHistory;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_imported_interaction_records_the_status_the_lead_had_then() {
        UserSummary seller = testUsers.create("hist", Role.SALES);
        SystemCaller.run(() -> {
            LeadId lead = leadHistory.importLead(new ImportedLead(TestUsers.uniqueName("h"), Instant.parse("2025-03-01T10:00:00Z"),
                    seller.id(), seller.id(), "History Lead", null, null, null, "EVENT", null, null));
            leadHistory.importStatusChange(lead, LeadStatus.MQL, Instant.parse("2025-03-05T10:00:00Z"), seller.id(), null);
            history.importInteraction(new ImportedInteraction(lead, Instant.parse("2025-03-02T10:00:00Z"),
                    InteractionType.EMAIL, seller.id(), null, "Before", null, null, null));
            history.importInteraction(new ImportedInteraction(lead, Instant.parse("2025-03-06T10:00:00Z"),
                    InteractionType.CALL, seller.id(), 2, "After", null, null, null));
            assertThatThrownBy(() -> history.importInteraction(new ImportedInteraction(lead,
                    Instant.parse("2025-03-07T10:00:00Z"), InteractionType.MEETING, seller.id(), null, null, null, null,
                    null))).isInstanceOf(BusinessRuleException.class).hasMessageContaining("score-required");
            history.refreshLeads(List.of(lead));

            assertThat(jdbc.sql("select lead_status from interaction where lead_id = :id order by occurred_at")
                    .param("id", lead.value()).query(String.class).list()).containsExactly("NEW", "MQL");
            var details = leads.get(lead).orElseThrow();
            assertThat(details.lastInteractionAt()).isEqualTo(Instant.parse("2025-03-06T10:00:00Z"));
            assertThat(details.lastOutcomeScore()).isEqualTo(2);
        });
    }
}
