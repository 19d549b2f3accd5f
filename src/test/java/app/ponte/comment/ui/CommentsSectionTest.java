package app.ponte.comment.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.ponte.KaribuTest;
import app.ponte.TestUsers;
import app.ponte.comment.CommentService;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.NewLead;
import app.ponte.live.PresenceService;
import app.ponte.live.PresenceAvatars;
import app.ponte.security.Role;
import app.ponte.security.UserSummary;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Comments, mentions and presence on the lead page. */
class CommentsSectionTest extends KaribuTest {

    @Autowired
    LeadService leads;

    @Autowired
    CommentService comments;

    @Autowired
    PresenceService presence;

    private UserSummary me;
    private UserSummary colleague;
    private LeadId lead;

    @BeforeEach
    void openALead() {
        me = testUsers.create("cs-me", Role.MARKETING);
        colleague = testUsers.create("cs-col", Role.SALES);
        login(me.username(), Role.MARKETING);
        lead = leads.create(new NewLead(TestUsers.uniqueName("Commented"), null, null, null, "SEO",
                Intent.INFORMATIONAL, null, null));
        UI.getCurrent().navigate("leads/" + lead.value());
    }

    private static void eventually(BooleanSupplier condition) {
        await().pollInSameThread().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return condition.getAsBoolean();
        });
    }

    private CommentsSection section() {
        return _get(CommentsSection.class);
    }

    @Test
    void a_posted_comment_appears_and_markup_in_it_is_shown_as_text() {
        _setValue(section().text, "<img src=x onerror=alert(1)> <b>bold</b>");
        _click(_get(Button.class, spec -> spec.withId("comment-post")));
        Div list = _get(Div.class, spec -> spec.withId("comment-list"));
        Div body = _find(list, Div.class, spec -> spec.withClasses("ponte-comment-body")).getFirst();
        assertThat(body.getElement().getTextRecursively()).isEqualTo("<img src=x onerror=alert(1)> <b>bold</b>");
        assertThat(_find(list, Html.class)).isEmpty();
        assertThat(section().text.getValue()).isEmpty();
    }

    @Test
    void an_empty_comment_is_refused_beside_the_box() {
        _click(_get(Button.class, spec -> spec.withId("comment-post")));
        assertThat(section().text.isInvalid()).isTrue();
        assertThat(section().text.getErrorMessage()).isEqualTo("Write something first.");
    }

    @Test
    void typing_at_and_a_name_suggests_colleagues_and_picking_one_completes_the_mention() {
        String prefix = colleague.username().substring(0, 6);
        _setValue(section().text, "Please call them @" + prefix);
        _click(_get(Button.class, spec -> spec.withId("mention-" + colleague.username())));
        assertThat(section().text.getValue()).isEqualTo("Please call them @" + colleague.username() + " ");
        _click(_get(Button.class, spec -> spec.withId("comment-post")));
        Div body = _find(section(), Div.class, spec -> spec.withClasses("ponte-comment-body")).getFirst();
        assertThat(_find(body, com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("ponte-mention")))
                .singleElement().extracting(s -> s.getText()).isEqualTo("@" + colleague.username());
    }

    @Test
    void a_colleagues_comment_appears_without_a_reload() {
        login(colleague.username(), Role.SALES);
        comments.add(lead, "Spoke to them today");
        login(me.username(), Role.MARKETING);
        eventually(() -> section().getElement().getTextRecursively().contains("Spoke to them today"));
    }

    @Test
    void a_colleague_opening_the_same_lead_shows_up_as_also_here_and_leaves_again() {
        PresenceAvatars avatars = _get(PresenceAvatars.class);
        assertThat(avatars.names()).isEmpty();
        String tab = presence.enter("lead", lead.value(), colleague.id().value(), colleague.fullName());
        eventually(() -> avatars.names().equals(java.util.List.of(colleague.fullName())));
        presence.leave(tab);
        eventually(() -> avatars.names().isEmpty());
    }
}
