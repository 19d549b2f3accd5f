package app.ponte.interaction.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.interaction.AgendaGroup;
import app.ponte.interaction.AgendaItem;
import app.ponte.interaction.InteractionService;
import app.ponte.security.AppRoles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in user's open next steps, grouped by when they are due (overdue, today, this week,
 * later), each done with one click or done together with the follow-up it led to.
 */
@Route(value = AgendaView.ROUTE, layout = MainLayout.class)
@Menu(order = 5, title = "nav.agenda", icon = "vaadin:calendar-clock")
@RolesAllowed({AppRoles.MARKETING, AppRoles.SALES, AppRoles.MANAGER})
class AgendaView extends VerticalLayout implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    static final String ROUTE = "agenda";

    private final InteractionService interactions;
    private final PonteProperties properties;
    private final Clock clock;
    private final Div content = new Div();
    private final List<app.ponte.interaction.AgendaExtension> extensions;

    AgendaView(InteractionService interactions, PonteProperties properties, Clock clock,
            org.springframework.beans.factory.ObjectProvider<app.ponte.interaction.AgendaExtension> extensions) {
        this.interactions = interactions;
        this.extensions = extensions.orderedStream().toList();
        this.properties = properties;
        this.clock = clock;
        setId("agenda-view");
        content.setId("agenda-content");
        content.setWidthFull();
        add(new H2(getTranslation("agenda.title")), content);
    }

    /** Each entry reads the agenda, also "My agenda" in the menu while on it (the view is reused, decision 037). */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        reload();
    }

    /** Reads the agenda again and shows it; after every action, so it never shows a done step. */
    void reload() {
        content.removeAll();
        Map<AgendaGroup, List<AgendaItem>> groups = new EnumMap<>(AgendaGroup.class);
        for (AgendaItem item : interactions.myAgenda()) {
            groups.computeIfAbsent(interactions.groupOf(item.due()), g -> new ArrayList<>()).add(item);
        }
        Map<AgendaGroup, List<app.ponte.interaction.ExtraAgendaItem>> extras = new EnumMap<>(AgendaGroup.class);
        for (var extension : extensions) {
            for (var item : extension.myItems()) {
                extras.computeIfAbsent(interactions.groupOf(item.due()), g -> new ArrayList<>()).add(item);
            }
        }
        if (groups.isEmpty() && extras.isEmpty()) {
            var empty = new Paragraph(getTranslation("agenda.empty"));
            empty.setId("agenda-empty");
            content.add(empty);
            return;
        }
        for (AgendaGroup group : AgendaGroup.values()) {
            List<AgendaItem> items = groups.getOrDefault(group, List.of());
            List<app.ponte.interaction.ExtraAgendaItem> others = extras.getOrDefault(group, List.of());
            if (items.isEmpty() && others.isEmpty()) {
                continue;
            }
            var section = new Div();
            section.setId("agenda-group-" + group.name().toLowerCase(Locale.ROOT));
            section.addClassName("ponte-agenda-group");
            section.add(new H3(getTranslation("agenda.group." + group.name())));
            items.forEach(item -> section.add(row(item, group)));
            others.forEach(item -> section.add(row(item, group)));
            content.add(section);
        }
    }

    private HorizontalLayout row(AgendaItem item, AgendaGroup group) {
        long id = item.interaction().value();
        var lead = new Anchor("leads/" + item.lead().value(), item.leadName());
        lead.setId("agenda-lead-" + id);
        var company = new Span(item.company() == null ? "" : item.company());
        company.addClassName("ponte-agenda-company");
        var step = new Span(item.nextStep());
        step.addClassName("ponte-agenda-step");
        var due = new Span(item.due() == null ? getTranslation("agenda.no-due") : date(item.due()));
        if (group == AgendaGroup.OVERDUE) {
            due.getElement().getThemeList().add("badge error");
        }
        var type = new Span(getTranslation("interaction.type." + item.type().name()));
        type.getElement().getThemeList().add("badge contrast");

        var done = new Button(getTranslation("agenda.done"), VaadinIcon.CHECK.create(), e -> complete(item));
        done.setId("agenda-done-" + id);
        done.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var followUp = new Button(getTranslation("agenda.done-follow-up"), VaadinIcon.PLUS.create(),
                e -> new FollowUpDialog(interactions, properties, clock, item, this::reload).open());
        followUp.setId("agenda-follow-up-" + id);
        followUp.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);

        // plain blocks styled by CSS, not two more layouts: a row is sent to the browser for every open step
        var title = new Div(lead, company);
        title.addClassName("ponte-agenda-title");
        var text = new Div(title, step);
        text.addClassName("ponte-agenda-text");
        var row = new HorizontalLayout(text, due, type, done, followUp);
        row.setId("agenda-item-" + id);
        row.addClassName("ponte-agenda-item");
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.expand(text);
        return row;
    }

    /** An item from another feature: a link to where it is handled there, the text, the due date. */
    private HorizontalLayout row(app.ponte.interaction.ExtraAgendaItem item, AgendaGroup group) {
        var context = new Anchor(item.route(), item.context());
        context.setId("agenda-extra-link-" + item.key());
        var step = new Span(item.text());
        step.addClassName("ponte-agenda-step");
        var due = new Span(item.due() == null ? getTranslation("agenda.no-due") : date(item.due()));
        if (group == AgendaGroup.OVERDUE) {
            due.getElement().getThemeList().add("badge error");
        }
        var text = new VerticalLayout(context, step);
        text.setPadding(false);
        text.setSpacing(false);
        var row = new HorizontalLayout(text, due);
        row.setId("agenda-extra-" + item.key());
        row.addClassName("ponte-agenda-item");
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.expand(text);
        return row;
    }

    private void complete(AgendaItem item) {
        try {
            interactions.completeNextStep(item.interaction());
            FormErrors.success(getTranslation("agenda.done.success", item.leadName()));
        } catch (BusinessRuleException e) {
            FormErrors.error(getTranslation(e.messageKey(), e.arguments()));
        }
        reload();
    }

    private String date(LocalDate date) {
        return Formats.date(date.atStartOfDay(properties.zone()).toInstant(), properties.zone(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("agenda.title");
    }
}
