package app.ponte.lead.ui;

import app.ponte.live.LiveUpdates;
import app.ponte.live.PresenceService;
import app.ponte.live.PresenceAvatars;
import com.vaadin.flow.shared.Registration;
import java.util.Objects;
import java.util.Optional;
import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelService;
import app.ponte.lead.Intent;
import app.ponte.lead.LeadAction;
import app.ponte.lead.LeadExtension;
import app.ponte.lead.LeadTimelineItem;
import app.ponte.lead.LeadChanges;
import app.ponte.lead.LeadDetails;
import app.ponte.lead.LeadId;
import app.ponte.lead.LeadService;
import app.ponte.lead.LeadStatus;
import app.ponte.lead.StatusChangeEntry;
import app.ponte.security.AppRoles;
import app.ponte.security.CurrentUser;
import app.ponte.security.Role;
import app.ponte.security.UserId;
import app.ponte.security.UserService;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One lead: its fields (editable by whoever may edit it), where it stands on the bridge and the
 * path it took, and its timeline. A save against a version someone else changed meanwhile asks
 * whether to reload or keep one's own values — never a silent overwrite.
 */
@Route(value = "leads/:leadId([0-9]{1,18})", layout = MainLayout.class)
@RolesAllowed({AppRoles.MARKETING, AppRoles.SALES, AppRoles.MANAGER, AppRoles.ADMIN})
class LeadView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LeadService leads;
    private final ChannelService channels;
    private final UserService users;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final PonteProperties properties;

    final TextField name = new TextField();
    final TextField company = new TextField();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final ComboBox<String> channel = new ComboBox<>();
    final ComboBox<Intent> intent = new ComboBox<>();
    final BigDecimalField expectedValue = new BigDecimalField();
    final ComboBox<UserSummary> owner = new ComboBox<>();
    final Button save = new Button();
    private final FormErrors errors = new FormErrors(this);
    private final LeadHeader header = new LeadHeader();
    private final Div bridge = new Div();
    private final LeadTimeline timeline;
    private final Div moves = new Div();

    private final List<LeadExtension> extensions;
    private final Div actions = new Div();
    private final Div sections = new Div();
    private final Div presenceHolder = new Div();
    private final PresenceService presence;
    private LeadDetails lead;
    /** The owner choices, read once per lead opened (not at every live refresh). */
    private List<UserSummary> owners;
    private final LiveUpdates live;
    private Registration liveRegistration;

    LeadView(LeadService leads, ChannelService channels, UserService users, CurrentUser currentUser, Clock clock,
            PonteProperties properties, ObjectProvider<LeadExtension> extensions, LiveUpdates live,
            PresenceService presence) {
        this.live = live;
        this.presence = presence;
        this.extensions = extensions.orderedStream().toList();
        this.leads = leads;
        this.channels = channels;
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
        this.properties = properties;
        this.timeline = new LeadTimeline(properties.zone());
        setId("lead-view");
        setMaxWidth("72rem");

        name.setId("lead-name");
        name.setLabel(getTranslation("lead.field.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(120);
        company.setId("lead-company");
        company.setLabel(getTranslation("lead.field.company"));
        company.setMaxLength(160);
        email.setId("lead-email");
        email.setLabel(getTranslation("lead.field.email"));
        phone.setId("lead-phone");
        phone.setLabel(getTranslation("lead.field.phone"));
        channel.setId("lead-channel");
        channel.setLabel(getTranslation("lead.field.channel"));
        Map<String, String> channelNames = new LinkedHashMap<>();
        for (Channel c : channels.list(true).stream().sorted(Channel.byName(getLocale())).toList()) {
            channelNames.put(c.code(), c.name(getLocale()));
        }
        channel.setItems(channelNames.keySet());
        channel.setItemLabelGenerator(code -> channelNames.getOrDefault(code, code));
        intent.setId("lead-intent");
        intent.setLabel(getTranslation("lead.field.intent"));
        intent.setItems(Intent.values());
        intent.setItemLabelGenerator(i -> getTranslation("intent." + i.name()));
        intent.setClearButtonVisible(true);
        expectedValue.setId("lead-value");
        expectedValue.setLabel(getTranslation("lead.field.value", properties.currency().getCurrencyCode()));
        owner.setId("lead-owner");
        owner.setLabel(getTranslation("lead.field.owner"));
        owner.setItemLabelGenerator(UserSummary::fullName);
        save.setText(getTranslation("common.save"));
        save.setId("lead-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        errors.field("name", name).field("company", company).field("email", email).field("phone", phone)
                .field("channel", channel).field("expectedValue", expectedValue).field("owner", owner);

        var form = new FormLayout(name, company, email, phone, channel, intent, expectedValue, owner);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        actions.setId("lead-actions");
        actions.addClassName("ponte-lead-moves");
        moves.setId("lead-moves");
        moves.addClassName("ponte-lead-moves");
        bridge.setId("lead-bridge-holder");
        sections.setId("lead-sections");
        sections.setWidthFull();
        presenceHolder.setId("lead-presence-holder");
        add(new Anchor(LeadLinks.LEADS_ROUTE, getTranslation("lead.page.back")), presenceHolder, header, bridge,
                actions, moves, new H3(getTranslation("lead.page.details")), form, save, sections,
                new H3(getTranslation("lead.page.timeline")), timeline);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("leadId").orElse(-1L);
        var found = leads.get(new LeadId(id));
        if (found.isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class,
                    getTranslation("lead.error.not-found"));
            return;
        }
        owners = null;
        show(found.get());
        if (liveRegistration != null) {
            liveRegistration.remove();
        }
        // its own actions redraw it (save, moves, a logged call): only others' changes come this way
        liveRegistration = Registration.combine(
                live.subscribeToOthers(this, LeadService.TOPIC, id, changed -> changedElsewhere()),
                live.subscribeToOthers(this, LeadService.ACTIVITY_TOPIC, id, changed -> changedElsewhere()));
        sections.removeAll();
        extensions.forEach(extension -> extension.sections(new LeadId(id)).forEach(sections::add));
        presenceHolder.removeAll();
        UserSummary me = users.me();
        presenceHolder.add(new PresenceAvatars(presence, live, "lead", id, me.id().value(), me.fullName()));
    }

    /** How often the page was drawn from the data (tests: one's own action draws it once). */
    int redraws;

    /**
     * Someone changed this lead (or its interactions, handoffs): show the new state at once, in
     * place — each part updates only what changed (the comments section follows its own signal).
     * Fields the user is editing are left alone — saving them then meets the usual conflict
     * question rather than silently overwriting either side.
     */
    void changedElsewhere() {
        if (lead == null) {
            return;
        }
        leads.get(lead.id()).ifPresent(latest -> {
            if (!formEdited()) {
                show(latest);
                return;
            }
            LeadDetails mine = lead;
            refreshParts(latest);
            this.lead = mine;
            header.showChangedElsewhere(true);
        });
    }

    /** Whether the form holds values the user typed that are not saved yet. */
    boolean formEdited() {
        LeadDetails d = lead;
        return !Objects.equals(name.getValue(), d.name())
                || !Objects.equals(company.getValue(), Objects.toString(d.company(), ""))
                || !Objects.equals(email.getValue(), Objects.toString(d.email(), ""))
                || !Objects.equals(phone.getValue(), Objects.toString(d.phone(), ""))
                || !Objects.equals(channel.getValue(), d.channelCode())
                || !Objects.equals(intent.getValue(), d.intent())
                || (expectedValue.getValue() == null ? d.expectedValue() != null
                        : d.expectedValue() == null || expectedValue.getValue().compareTo(d.expectedValue()) != 0)
                || (owner.getValue() != null && !owner.getValue().id().equals(d.owner().id()));
    }

    void show(LeadDetails details) {
        this.lead = details;
        errors.clear();
        fillForm(details);
        boolean editable = leads.mayEdit(details);
        List<com.vaadin.flow.component.HasValue<?, ?>> fields = List.of(name, company, email, phone, channel, intent,
                expectedValue);
        fields.forEach(field -> field.setReadOnly(!editable));
        boolean manager = currentUser.has(Role.MANAGER);
        owner.setReadOnly(!editable || !manager);
        save.setVisible(editable);
        refreshParts(details);
        header.showChangedElsewhere(false);
    }

    /** Everything but the form: header, bridge, summaries and actions, moves, timeline. */
    private void refreshParts(LeadDetails d) {
        redraws++;
        List<StatusChangeEntry> history = leads.history(d.id());
        header.refresh(d, clock.instant(), this::reasonText);
        showBridge(d, history);
        showActions(d);
        showMoves(d);
        List<LeadTimelineItem> extra = new ArrayList<>();
        for (LeadExtension extension : extensions) {
            extra.addAll(extension.timeline(d, this::reload));
        }
        timeline.refresh(d, history, extra, this::reasonText);
    }

    private void fillForm(LeadDetails d) {
        name.setValue(d.name());
        company.setValue(d.company() == null ? "" : d.company());
        email.setValue(d.email() == null ? "" : d.email());
        phone.setValue(d.phone() == null ? "" : d.phone());
        channel.setValue(d.channelCode());
        intent.setValue(d.intent());
        expectedValue.setValue(d.expectedValue());
        boolean reread = owners == null;
        if (reread) {
            // only managers choose the owner; everyone else sees the current one (no team look-up)
            owners = currentUser.has(Role.MANAGER) ? new ArrayList<>(leads.possibleOwners()) : new ArrayList<>();
        }
        UserSummary current = owners.stream().filter(u -> u.id().equals(d.owner().id())).findFirst()
                .orElseGet(() -> users.findByUsername(d.owner().username()).orElse(null));
        if (current != null && owners.stream().noneMatch(u -> u.id().equals(current.id()))) {
            owners.add(current);
            reread = true;
        }
        if (reread) {
            owners.sort(Comparator.comparing(UserSummary::fullName));
            owner.setItems(owners);
        }
        owner.setValue(current);
    }

    // The parts below render afresh and let KeepUnchanged send the browser only what differs.

    private void showBridge(LeadDetails d, List<StatusChangeEntry> history) {
        Set<LeadStatus> visited = EnumSet.of(LeadStatus.NEW);
        history.forEach(change -> visited.add(change.to()));
        KeepUnchanged.update(bridge, List.of(new BridgeTrack(d.status(), d.lostFrom(), visited)));
    }

    private void showActions(LeadDetails d) {
        List<com.vaadin.flow.component.Component> shown = new ArrayList<>();
        for (LeadExtension extension : extensions) {
            shown.addAll(extension.summary(d));
        }
        LeadId id = d.id();
        for (LeadExtension extension : extensions) {
            for (LeadAction action : extension.actions()) {
                if (!action.offeredFor(d.status())) {
                    continue; // only what the rules allow for this lead now (e.g. a handoff only from MQL)
                }
                var button = new Button(getTranslation(action.labelKey()), e -> action.handler().run(id, this::reload));
                button.setId("lead-action-" + action.id());
                shown.add(button);
            }
        }
        KeepUnchanged.update(actions, shown);
    }

    private void showMoves(LeadDetails d) {
        List<com.vaadin.flow.component.Component> shown = new ArrayList<>();
        Set<LeadStatus> allowed = leads.allowedMoves(d);
        if (!allowed.isEmpty()) {
            shown.add(new Span(getTranslation("lead.page.move-to")));
        }
        for (LeadStatus target : allowed) {
            var button = new Button(getTranslation("status." + target.name()), e -> requestMove(target));
            button.setId("lead-move-" + target.name());
            if (target == LeadStatus.LOST) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            shown.add(button);
        }
        KeepUnchanged.update(moves, shown);
    }

    /** Moves the lead, asking first for what the move needs (a reason for LOST, a value for OPPORTUNITY). */
    void requestMove(LeadStatus target) {
        LeadMoves.request(this, leads, lead, target, properties.currency(), this::reload);
    }

    /** A stored reason as people read it: translated by the feature that wrote it in coded form, else as typed. */
    private String reasonText(String reason) {
        if (reason == null) {
            return "";
        }
        for (LeadExtension extension : extensions) {
            Optional<String> text = extension.reasonText(reason);
            if (text.isPresent()) {
                return text.get();
            }
        }
        return reason;
    }

    void save() {
        saveAgainst(lead.version());
    }

    private void saveAgainst(long version) {
        errors.clear();
        try {
            UserId newOwner = owner.getValue() == null ? null : owner.getValue().id();
            LeadDetails saved = leads.update(lead.id(), new LeadChanges(name.getValue(), company.getValue(),
                    email.getValue(), phone.getValue(), channel.getValue(), intent.getValue(), expectedValue.getValue(),
                    newOwner, version));
            FormErrors.success(getTranslation("lead.page.saved"));
            show(saved);
        } catch (BusinessRuleException e) {
            errors.show(e);
        } catch (ConcurrentEditException e) {
            askAboutConflict(e);
        }
    }

    /** Someone saved this lead meanwhile: reload their version, or keep one's own values on top of it. */
    private void askAboutConflict(ConcurrentEditException e) {
        var dialog = new ConfirmDialog();
        dialog.setId("lead-conflict");
        dialog.setHeader(getTranslation("lead.conflict.title"));
        String at = Formats.dateTime(e.changedAt(), properties.zone(), getLocale());
        dialog.setText(getTranslation("lead.conflict.text", e.changedBy(), at));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setRejectable(true);
        dialog.setRejectText(getTranslation("lead.conflict.reload"));
        dialog.addRejectListener(event -> reload());
        dialog.setConfirmText(getTranslation("lead.conflict.keep-mine"));
        dialog.addConfirmListener(event -> keepMine());
        dialog.open();
    }

    void reload() {
        leads.get(lead.id()).ifPresent(this::show);
    }

    void keepMine() {
        leads.get(lead.id()).ifPresent(latest -> {
            this.lead = latest;
            saveAgainst(latest.version());
        });
    }

    LeadDetails lead() {
        return lead;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + (lead == null ? getTranslation("nav.leads") : lead.name());
    }
}
