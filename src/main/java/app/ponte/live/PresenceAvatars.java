package app.ponte.live;

import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.avatar.AvatarGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * "Also here": the avatars of the other people looking at the same place now, updated live. The
 * tab announces itself while attached, tells {@link PresenceService} at every heartbeat of its
 * browser that it is still there (so a tab that vanishes without a goodbye expires within a
 * minute) and says goodbye when detached.
 */
public class PresenceAvatars extends Div {

    private final PresenceService presence;
    private final String place;
    private final long targetId;
    private final long me;
    private final AvatarGroup avatars = new AvatarGroup();
    private final Span label = new Span();
    private String tab;
    private Registration heartbeats;

    public PresenceAvatars(PresenceService presence, LiveUpdates live, String place, long targetId, long me,
            String myName) {
        this.presence = presence;
        this.place = place;
        this.targetId = targetId;
        this.me = me;
        setId("presence");
        addClassName("ponte-presence");
        avatars.addThemeVariants(AvatarGroupVariant.LUMO_SMALL);
        avatars.setMaxItemsVisible(6);
        label.addClassName("ponte-presence-label");
        add(label, avatars);
        addAttachListener(e -> {
            tab = presence.enter(place, targetId, me, myName);
            heartbeats = e.getUI().addHeartbeatListener(beat -> {
                if (tab != null && !presence.seen(tab)) {
                    tab = presence.enter(place, targetId, me, myName);
                }
            });
            refresh();
        });
        addDetachListener(e -> {
            if (heartbeats != null) {
                heartbeats.remove();
                heartbeats = null;
            }
            if (tab != null) {
                presence.leave(tab);
                tab = null;
            }
        });
        live.subscribe(this, PresenceService.TOPIC, targetId, changed -> refresh());
    }

    /** Re-reads who else is here. */
    public void refresh() {
        List<Viewer> others = presence.viewers(place, targetId).stream().filter(v -> v.userId() != me).toList();
        avatars.setItems(others.stream().map(v -> new AvatarGroup.AvatarGroupItem(v.displayName())).toList());
        label.setText(others.isEmpty() ? "" : getTranslation("presence.also-here"));
        avatars.setVisible(!others.isEmpty());
    }

    /** The names shown (tests read them). */
    public List<String> names() {
        return avatars.getItems().stream().map(AvatarGroup.AvatarGroupItem::getName).toList();
    }
}
