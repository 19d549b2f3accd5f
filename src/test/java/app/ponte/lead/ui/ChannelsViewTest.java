package app.ponte.lead.ui;

import app.ponte.base.ui.StatusMessages;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.KaribuTest;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelKind;
import app.ponte.lead.ChannelService;
import app.ponte.security.Role;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ADMIN manages the channels; a channel used by leads can be deactivated, not deleted. */
class ChannelsViewTest extends KaribuTest {

    @Autowired
    ChannelService channels;

    private ChannelsView open() {
        login(testUsers.create("ch-admin", Role.ADMIN).username(), Role.ADMIN);
        UI.getCurrent().navigate("admin/channels");
        return _get(ChannelsView.class);
    }

    private static String uniqueCode() {
        return "PODCAST_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    @Test
    void the_fifteen_seeded_channels_are_listed() {
        open();
        assertThat(channels.list(true)).extracting(Channel::code).contains("WEBSITE", "BLOG", "SOCIAL", "INFLUENCER",
                "SEO", "ADVERTISING", "WORD_OF_MOUTH", "SALES_NETWORK", "TRADE_FAIR", "EVENT", "RADIO", "TV",
                "DIRECT_MARKETING", "OWN_STORE", "DOOR_TO_DOOR");
    }

    @Test
    void adding_a_channel_lists_it_and_a_bad_code_is_refused_at_the_field() {
        ChannelsView view = open();
        String code = uniqueCode();
        _setValue(view.code, "bad code!");
        _setValue(view.name, "Podcast " + code);
        _setValue(view.kind, ChannelKind.ONLINE);
        _click(_get(Button.class, spec -> spec.withId("channel-add")));
        _expectInvalid(view.code, "Use 2 to 30 capital letters, digits or underscores.");

        _setValue(view.code, code);
        _click(_get(Button.class, spec -> spec.withId("channel-add")));
        StatusMessages.expect("Channel Podcast " + code + " added");
        assertThat(channels.list(true)).extracting(Channel::code).contains(code);
    }

    @Test
    void deactivating_and_deleting_an_unused_channel() {
        ChannelsView view = open();
        String code = uniqueCode();
        Channel channel = channels.add(code, "Radio ads " + code, null, ChannelKind.OFFLINE);
        view.setActive(channel, false);
        assertThat(channels.list(false)).extracting(Channel::code).doesNotContain(code);
        view.delete(channel);
        assertThat(channels.list(true)).extracting(Channel::code).doesNotContain(code);
    }

    @Test
    void a_channel_in_use_cannot_be_deleted() {
        ChannelsView view = open();
        // the seeded WEBSITE channel is used by leads created in other tests; make sure of one
        login(testUsers.create("ch-mkt", Role.MARKETING).username(), Role.MARKETING);
        context.getBean(app.ponte.lead.LeadService.class).create(new app.ponte.lead.NewLead("Uses website", null, null,
                null, "WEBSITE", null, null, null));
        login(testUsers.create("ch-admin2", Role.ADMIN).username(), Role.ADMIN);
        Channel website = channels.list(true).stream().filter(c -> c.code().equals("WEBSITE")).findFirst().orElseThrow();
        view.delete(website);
        NotificationsKt.expectNotifications("The channel Website is used by leads: deactivate it instead.");
        assertThat(channels.list(true)).extracting(Channel::code).contains("WEBSITE");
    }
}
