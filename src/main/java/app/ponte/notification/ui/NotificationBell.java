package app.ponte.notification.ui;

import app.ponte.base.PonteProperties;
import app.ponte.base.ui.Formats;
import app.ponte.live.LiveUpdates;
import app.ponte.notification.NotificationEntry;
import app.ponte.notification.NotificationKind;
import app.ponte.notification.NotificationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import java.util.List;

/**
 * The bell in the header: the unread count, and on click the latest notifications. Updated live
 * in every tab of the user when a notification arrives or is read elsewhere.
 */
class NotificationBell extends Div {

    private final NotificationService notifications;
    private final PonteProperties properties;
    private final Button bell = new Button(new Icon(VaadinIcon.BELL));
    private final Span count = new Span();
    private final Popover popover = new Popover();
    private final Div list = new Div();

    NotificationBell(NotificationService notifications, LiveUpdates live, long myUserId, PonteProperties properties) {
        this.notifications = notifications;
        this.properties = properties;
        setId("notification-bell-holder");
        addClassName("ponte-bell");
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        bell.addClickListener(e -> toggle());
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error pill small");
        count.addClassName("ponte-bell-count");
        add(bell, count);

        var markAll = new Button(getTranslation("notification.mark-all-read"), e -> {
            notifications.markAllRead();
            refresh();
        });
        markAll.setId("notification-mark-all");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var head = new HorizontalLayout(new H4(getTranslation("notification.title")), markAll);
        head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        head.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        list.setId("notification-list");
        list.addClassName("ponte-bell-list");
        popover.setTarget(bell);
        popover.setOpenOnClick(false);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setWidth("26rem");
        popover.add(head, list);
        add(popover);

        live.subscribe(this, NotificationService.TOPIC, myUserId, changed -> refresh());
        refresh();
    }

    private void toggle() {
        if (popover.isOpened()) {
            popover.close();
        } else {
            showList();
            popover.open();
        }
    }

    /** Re-reads the unread count (and the list, when it is open). */
    void refresh() {
        long unread = notifications.unreadCount();
        count.setText(unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        bell.getElement().setAttribute("aria-label", getTranslation("notification.bell", unread));
        if (popover.isOpened()) {
            showList();
        }
    }

    void showList() {
        list.removeAll();
        List<NotificationEntry> latest = notifications.latest();
        if (latest.isEmpty()) {
            list.add(new Paragraph(getTranslation("notification.none")));
        }
        for (NotificationEntry entry : latest) {
            list.add(item(entry));
        }
    }

    private Div item(NotificationEntry entry) {
        var text = new Span(getTranslation(entry.textKey(), entry.args().toArray()));
        text.addClassName("ponte-bell-text");
        var when = new Span(Formats.dateTime(entry.createdAt(), properties.zone(), getLocale()));
        when.addClassName("ponte-bell-when");
        var item = new Div(icon(entry.kind()), new Div(text, when));
        item.addClassName("ponte-bell-item");
        if (!entry.read()) {
            item.addClassName("unread");
        }
        item.setId("notification-" + entry.id());
        item.addClickListener(e -> open(entry));
        return item;
    }

    void open(NotificationEntry entry) {
        notifications.markRead(entry.id());
        popover.close();
        getUI().ifPresent(ui -> ui.navigate(entry.route()));
        refresh();
    }

    /** The list as shown (tests read it). */
    Div list() {
        return list;
    }

    long shownCount() {
        return count.isVisible() ? Long.parseLong(count.getText().replace("+", "")) : 0;
    }

    private static Icon icon(NotificationKind kind) {
        VaadinIcon icon = switch (kind) {
            case MENTION -> VaadinIcon.AT;
            case HANDOFF_RECEIVED, HANDOFF_DECIDED -> VaadinIcon.EXCHANGE;
            case HANDOFF_OVERDUE -> VaadinIcon.ALARM;
            case NEXT_STEP_DUE, ACTION_ITEM -> VaadinIcon.CHECK_SQUARE_O;
            case LEAD_REASSIGNED -> VaadinIcon.USER_CHECK;
            case SURVEY_OPEN -> VaadinIcon.COMMENTS_O;
        };
        var i = new Icon(icon);
        i.addClassName("ponte-bell-icon");
        return i;
    }
}
