package app.ponte.health;

import static app.ponte.health.SurveyFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** One-on-ones: shared agenda and notes for the pair, private notes for their author alone, action items. */
@PonteTest
@Tag("persistence")
class OneOnOneServiceTest {

    @Autowired
    OneOnOneService oneOnOnes;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Clock clock;

    UserSummary manager;
    UserSummary report;
    OneOnOneId meeting;
    Instant at;

    @BeforeEach
    void setUp() {
        manager = testUsers.create("oo-mgr", Role.MANAGER);
        report = testUsers.create("oo-rep", Role.SALES);
        at = LocalDate.of(2026, 12, 1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        meeting = as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(report.id(), at, null, Rhythm.BIWEEKLY)));
    }

    @Test
    void a_manager_schedules_an_hour_by_default_and_the_next_follows_the_rhythm() {
        OneOnOneDetails details = as(report, () -> oneOnOnes.get(meeting));
        assertThat(details.summary().durationMinutes()).isEqualTo(60);
        assertThat(details.summary().manager().id()).isEqualTo(manager.id());
        assertThat(details.suggestedNext()).isEqualTo(at.plus(Duration.ofDays(14)));
        OneOnOneId monthly = as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(report.id(),
                LocalDate.of(2026, 1, 31).atTime(9, 0).toInstant(ZoneOffset.UTC), 30, Rhythm.MONTHLY)));
        assertThat(as(manager, () -> oneOnOnes.get(monthly)).suggestedNext())
                .isEqualTo(LocalDate.of(2026, 2, 28).atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    @Test
    void only_managers_schedule_and_never_with_themselves() {
        assertThatThrownBy(() -> as(report, () -> oneOnOnes.schedule(new NewOneOnOne(manager.id(), at, null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(manager.id(), at, null, null))))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("oneonone.error.self");
    }

    @Test
    void both_edit_the_shared_agenda_and_a_stale_version_is_refused() {
        long version = as(manager, () -> oneOnOnes.get(meeting)).version();
        OneOnOneDetails saved = as(report, () -> oneOnOnes.saveAgenda(meeting, "Pipeline review", version));
        assertThat(saved.agenda()).isEqualTo("Pipeline review");
        assertThat(saved.version()).isEqualTo(version + 1);
        // the manager still holds the old version: their save must not overwrite the report's
        assertThatThrownBy(() -> as(manager, () -> oneOnOnes.saveAgenda(meeting, "My topics", version)))
                .isInstanceOf(ConcurrentEditException.class)
                .satisfies(e -> assertThat(((ConcurrentEditException) e).changedBy()).isEqualTo(report.username()));
        OneOnOneDetails notes = as(manager, () -> oneOnOnes.saveNotes(meeting, "Agreed on Q1 targets", version + 1));
        assertThat(notes.notes()).isEqualTo("Agreed on Q1 targets");
        assertThat(as(report, () -> oneOnOnes.get(meeting)).agenda()).isEqualTo("Pipeline review");
    }

    @Test
    void a_private_note_is_read_only_by_its_author() {
        as(manager, () -> oneOnOnes.savePrivateNote(meeting, "Considering a promotion"));
        as(report, () -> oneOnOnes.savePrivateNote(meeting, "Ask about training budget"));
        assertThat(as(manager, () -> oneOnOnes.myPrivateNote(meeting))).contains("Considering a promotion");
        assertThat(as(report, () -> oneOnOnes.myPrivateNote(meeting))).contains("Ask about training budget");
        // the shared view carries neither note
        assertThat(as(report, () -> oneOnOnes.get(meeting)).toString())
                .doesNotContain("Considering a promotion").doesNotContain("Ask about training budget");

        UserSummary admin = testUsers.create("oo-admin", Role.ADMIN);
        UserSummary otherManager = testUsers.create("oo-mgr2", Role.MANAGER, Role.ADMIN);
        for (UserSummary outsider : new UserSummary[] {admin, otherManager}) {
            assertThatThrownBy(() -> as(outsider, () -> oneOnOnes.myPrivateNote(meeting)))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("oneonone.error.not-participant");
            assertThatThrownBy(() -> as(outsider, () -> oneOnOnes.get(meeting)))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("oneonone.error.not-participant");
        }
    }

    @Test
    void an_empty_private_note_removes_it() {
        as(report, () -> oneOnOnes.savePrivateNote(meeting, "first"));
        as(report, () -> oneOnOnes.savePrivateNote(meeting, "second"));
        assertThat(as(report, () -> oneOnOnes.myPrivateNote(meeting))).contains("second");
        as(report, () -> oneOnOnes.savePrivateNote(meeting, "  "));
        assertThat(as(report, () -> oneOnOnes.myPrivateNote(meeting))).isEmpty();
    }

    @Test
    void action_items_belong_to_one_of_the_pair_and_fill_the_owner_s_agenda() {
        LocalDate due = LocalDate.now(clock).plusDays(3);
        long action = as(manager, () -> oneOnOnes.addActionItem(meeting, report.id(), "Send the case study", due));
        assertThat(as(report, () -> oneOnOnes.myOpenActionItems())).singleElement()
                .satisfies(a -> {
                    assertThat(a.id()).isEqualTo(action);
                    assertThat(a.text()).isEqualTo("Send the case study");
                    assertThat(a.due()).isEqualTo(due);
                });
        assertThat(as(manager, () -> oneOnOnes.myOpenActionItems())).isEmpty();
        UserSummary stranger = testUsers.create("oo-stranger", Role.SALES);
        assertThatThrownBy(() -> as(manager, () -> oneOnOnes.addActionItem(meeting, stranger.id(), "x", null)))
                .hasMessageContaining("oneonone.error.owner");
        as(report, () -> oneOnOnes.setActionDone(action, true));
        assertThat(as(report, () -> oneOnOnes.myOpenActionItems())).isEmpty();
        assertThat(as(manager, () -> oneOnOnes.get(meeting)).actionItems()).singleElement()
                .satisfies(a -> assertThat(a.done()).isTrue());
    }

    @Test
    void the_history_lists_every_meeting_of_the_pair_latest_first() {
        OneOnOneId later = as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(report.id(),
                at.plus(Duration.ofDays(14)), null, Rhythm.BIWEEKLY)));
        UserSummary other = testUsers.create("oo-other", Role.SALES);
        as(manager, () -> oneOnOnes.schedule(new NewOneOnOne(other.id(), at, null, null)));
        assertThat(as(report, () -> oneOnOnes.history(meeting))).extracting(OneOnOneSummary::id)
                .containsExactly(later, meeting);
    }
}
