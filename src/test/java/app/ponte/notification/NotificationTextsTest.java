package app.ponte.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import app.ponte.PonteTest;
import app.ponte.TestClock;
import app.ponte.TestUsers;
import app.ponte.base.PonteProperties;
import app.ponte.base.i18n.Languages;
import app.ponte.comment.CommentService;
import app.ponte.handoff.HandoffId;
import app.ponte.handoff.HandoffService;
import app.ponte.handoff.NewHandoff;
import app.ponte.health.NewOneOnOne;
import app.ponte.health.OneOnOneId;
import app.ponte.health.OneOnOneService;
import app.ponte.health.SurveyFixtures;
import app.ponte.health.SurveyService;
import app.ponte.interaction.InteractionService;
import app.ponte.interaction.InteractionType;
import app.ponte.interaction.NewInteraction;
import app.ponte.interaction.NextStepReminder;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.NewLead;
import app.ponte.lead.StatusMove;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every kind of notification, produced by the services that really send it, renders in English and
 * Italian with the arguments those services pass. (A message whose pattern wanted a number for an
 * argument the service sends as text made the bell fail for everyone with a next step due.)
 */
@PonteTest
class NotificationTextsTest {

    @Autowired NotificationService notifications;
    @Autowired LeadService leads;
    @Autowired HandoffService handoffs;
    @Autowired CommentService comments;
    @Autowired InteractionService interactions;
    @Autowired NextStepReminder reminder;
    @Autowired SurveyService surveys;
    @Autowired OneOnOneService oneOnOnes;
    @Autowired TestUsers testUsers;
    @Autowired TestClock clock;
    @Autowired PonteProperties properties;
    @Autowired I18NProvider i18n;

    @AfterEach
    void cleanUp() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    private static void signIn(UserSummary user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.username(), null, user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
    }

    @Test
    void every_kind_renders_in_both_languages_with_the_arguments_its_service_passes() {
        UserSummary marketer = testUsers.create("texts-mkt", Role.MARKETING);
        UserSummary seller = testUsers.create("texts-sales", Role.SALES);
        UserSummary manager = testUsers.create("texts-mgr", Role.MANAGER);

        // MENTION, HANDOFF_RECEIVED, HANDOFF_OVERDUE, HANDOFF_DECIDED
        signIn(marketer);
        LeadId lead = leads.create(new NewLead(TestUsers.uniqueName("Texts lead"), "Acme", null, null, "WEBSITE",
                null, null, null));
        leads.move(lead, StatusMove.to(LeadStatus.MQL, leads.get(lead).orElseThrow().version()));
        comments.add(lead, "@" + seller.username() + " have a look");
        HandoffId handoff = handoffs.handOff(new NewHandoff(lead, seller.id(), "Wants a demo"));
        clock.advance(Duration.ofHours(handoffs.slaHours()).plusMinutes(1));
        SystemCaller.call(handoffs::sweepOverdue);
        signIn(seller);
        handoffs.accept(handoff, handoffs.get(handoff).orElseThrow().version());

        // LEAD_REASSIGNED
        signIn(manager);
        LeadDetails d = leads.get(lead).orElseThrow();
        leads.update(lead, new LeadChanges(d.name(), d.company(), d.email(), d.phone(), d.channelCode(), d.intent(),
                null, marketer.id(), d.version()));

        // NEXT_STEP_DUE, with one step and with several
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        signIn(manager);
        LeadId second = leads.create(new NewLead(TestUsers.uniqueName("Texts two"), null, null, null, "SEO", null,
                null, null));
        signIn(marketer);
        interactions.log(new NewInteraction(lead, InteractionType.EMAIL, null, false, null, "Sent the offer", null,
                "Call back", today));
        signIn(manager);
        for (int i = 0; i < 2; i++) {
            interactions.log(new NewInteraction(second, InteractionType.EMAIL, null, false, null, "Offer", null,
                    "Follow up", today));
        }
        SystemCaller.call(reminder::remindDueToday);

        // SURVEY_OPEN, ACTION_ITEM
        new SurveyFixtures(surveys, testUsers, clock).survey(manager, "Pulse " + today, Role.SALES);
        SystemCaller.call(surveys::openDueRuns);
        signIn(manager);
        OneOnOneId meeting = oneOnOnes.schedule(new NewOneOnOne(seller.id(), clock.instant().plus(Duration.ofDays(1)),
                null, null));
        oneOnOnes.addActionItem(meeting, seller.id(), "Send the case study", today.plusDays(3));

        Set<NotificationKind> seen = EnumSet.noneOf(NotificationKind.class);
        List<String> rendered = new ArrayList<>();
        for (UserSummary user : List.of(marketer, seller, manager)) {
            signIn(user);
            for (NotificationEntry entry : notifications.latest()) {
                seen.add(entry.kind());
                for (Locale language : Languages.SUPPORTED) {
                    assertThatCode(() -> rendered.add(
                            i18n.getTranslation(entry.textKey(), language, entry.args().toArray())))
                            .as("%s %s %s %s", entry.kind(), entry.textKey(), entry.args(), language)
                            .doesNotThrowAnyException();
                }
            }
        }
        assertThat(seen).as("every kind was produced").isEqualTo(EnumSet.allOf(NotificationKind.class));
        assertThat(rendered).allSatisfy(text -> assertThat(text).doesNotStartWith("!").doesNotContain("{", "}"));
        assertThat(rendered).contains("One next step is due today", "2 next steps are due today",
                "Un prossimo passo scade oggi", "2 prossimi passi scadono oggi");
    }
}
