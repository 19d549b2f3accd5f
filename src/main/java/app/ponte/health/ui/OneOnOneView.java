package app.ponte.health.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.Formats;
import app.ponte.base.ui.MainLayout;
import app.ponte.health.ActionItem;
import app.ponte.health.OneOnOneDetails;
import app.ponte.health.OneOnOneId;
import app.ponte.health.OneOnOneService;
import app.ponte.health.OneOnOneSummary;
import app.ponte.health.Participant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * One one-on-one, for its two participants: the shared agenda and notes (saved against the
 * version read, so two people typing at once never overwrite each other), one's own private note
 * (nobody else ever reads it), the action items, the suggested next meeting and the pair's history.
 */
@Route(value = OneOnOneView.ROUTE + "/:id([0-9]{1,18})", layout = MainLayout.class)
@PermitAll
class OneOnOneView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The service's refusal for a one-on-one that does not exist (the page then is the not-found view). */
    static final String NOT_FOUND = "oneonone.error.not-found";

    static final String ROUTE = "one-on-ones";

    private final OneOnOneService oneOnOnes;
    private final PonteProperties properties;
    private final H2 title = new H2();
    private final Paragraph when = new Paragraph();
    private final Paragraph next = new Paragraph();
    final TextArea agenda = new TextArea();
    final TextArea notes = new TextArea();
    final TextArea privateNote = new TextArea();
    final ComboBox<Participant> owner = new ComboBox<>();
    final TextField actionText = new TextField();
    final DatePicker actionDue = new DatePicker();
    private final Div actions = new Div();
    private final Div history = new Div();
    private final Div page = new Div();
    private OneOnOneDetails details;

    OneOnOneView(OneOnOneService oneOnOnes, PonteProperties properties) {
        this.oneOnOnes = oneOnOnes;
        this.properties = properties;
        setId("oneonone-view");
        when.setId("oneonone-when-text");
        next.setId("oneonone-next");
        agenda.setId("oneonone-agenda");
        agenda.setLabel(getTranslation("oneonone.agenda"));
        agenda.setHelperText(getTranslation("oneonone.agenda.help"));
        agenda.setWidthFull();
        notes.setId("oneonone-notes");
        notes.setLabel(getTranslation("oneonone.notes"));
        notes.setWidthFull();
        privateNote.setId("oneonone-private-note");
        privateNote.setLabel(getTranslation("oneonone.private-note"));
        privateNote.setHelperText(getTranslation("oneonone.private-note.help"));
        privateNote.setWidthFull();
        var saveAgenda = new Button(getTranslation("oneonone.save-agenda"), e -> saveAgenda());
        saveAgenda.setId("oneonone-save-agenda");
        var saveNotes = new Button(getTranslation("oneonone.save-notes"), e -> saveNotes());
        saveNotes.setId("oneonone-save-notes");
        var savePrivate = new Button(getTranslation("oneonone.save-private-note"), e -> savePrivate());
        savePrivate.setId("oneonone-save-private-note");
        owner.setId("oneonone-action-owner");
        owner.setLabel(getTranslation("oneonone.action.owner"));
        owner.setItemLabelGenerator(Participant::fullName);
        actionText.setId("oneonone-action-text");
        actionText.setLabel(getTranslation("oneonone.action.text"));
        actionText.setWidth("24em");
        actionDue.setId("oneonone-action-due");
        actionDue.setLabel(getTranslation("oneonone.action.due"));
        var addAction = new Button(getTranslation("oneonone.action.add"), e -> addAction());
        addAction.setId("oneonone-action-add");
        actions.setId("oneonone-actions");
        history.setId("oneonone-history");
        var actionForm = new HorizontalLayout(owner, actionText, actionDue, addAction);
        actionForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        actionForm.setWrap(true);
        var body = new VerticalLayout(when, next, agenda, saveAgenda, notes, saveNotes, privateNote, savePrivate,
                new H3(getTranslation("oneonone.actions")), actions, actionForm,
                new H3(getTranslation("oneonone.history")), history);
        body.setPadding(false);
        page.add(body);
        page.setWidthFull();
        add(new Anchor(ROUTE, getTranslation("oneonone.back")), title, page);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        // the view is reused when one one-on-one links to another: undo what a refused one hid
        page.setVisible(true);
        title.getElement().removeAttribute("id");
        try {
            details = oneOnOnes.get(new OneOnOneId(id));
        } catch (BusinessRuleException e) {
            if (NOT_FOUND.equals(e.messageKey())) {
                event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, getTranslation(NOT_FOUND));
                return;
            }
            page.setVisible(false);
            title.setText(getTranslation(e.messageKey(), e.arguments()));
            title.setId("oneonone-refused");
            return;
        }
        show(details);
        privateNote.setValue(oneOnOnes.myPrivateNote(details.summary().id()).orElse(""));
        showHistory();
    }

    private void show(OneOnOneDetails d) {
        this.details = d;
        OneOnOneSummary s = d.summary();
        title.setText(getTranslation("oneonone.title", s.manager().fullName(), s.report().fullName()));
        when.setText(getTranslation("oneonone.when", Formats.dateTime(s.scheduledAt(), properties.zone(), getLocale()),
                s.durationMinutes()));
        next.setText(d.suggestedNext() == null ? "" : getTranslation("oneonone.next",
                Formats.dateTime(d.suggestedNext(), properties.zone(), getLocale()),
                getTranslation("oneonone.rhythm." + s.rhythm().name())));
        agenda.setValue(d.agenda() == null ? "" : d.agenda());
        notes.setValue(d.notes() == null ? "" : d.notes());
        owner.setItems(List.of(s.manager(), s.report()));
        showActions(d.actionItems());
    }

    private void showActions(List<ActionItem> items) {
        actions.removeAll();
        if (items.isEmpty()) {
            actions.add(new Paragraph(getTranslation("oneonone.actions.none")));
        }
        for (ActionItem a : items) {
            var done = new Checkbox(a.done());
            done.setId("oneonone-action-done-" + a.id());
            done.addValueChangeListener(e -> {
                try {
                    oneOnOnes.setActionDone(a.id(), e.getValue());
                } catch (BusinessRuleException ex) {
                    FormErrors.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            var due = a.due() == null ? "" : " · " + getTranslation("oneonone.action.due-on",
                    Formats.date(a.due().atStartOfDay(properties.zone()).toInstant(), properties.zone(), getLocale()));
            var row = new HorizontalLayout(done, new Span(a.text()), new Span(a.owner().fullName() + due));
            row.setId("oneonone-action-" + a.id());
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            actions.add(row);
        }
    }

    private void showHistory() {
        history.removeAll();
        for (OneOnOneSummary s : oneOnOnes.history(details.summary().id())) {
            String text = Formats.dateTime(s.scheduledAt(), properties.zone(), getLocale());
            if (s.id().equals(details.summary().id())) {
                history.add(new Div(new Span(text)));
            } else {
                var link = new Anchor(ROUTE + "/" + s.id().value(), text);
                link.setId("oneonone-history-" + s.id().value());
                history.add(new Div(link));
            }
        }
    }

    void saveAgenda() {
        try {
            show(oneOnOnes.saveAgenda(details.summary().id(), agenda.getValue(), details.version()));
            FormErrors.success(getTranslation("oneonone.saved"));
        } catch (BusinessRuleException e) {
            new FormErrors(this).field("agenda", agenda).show(e);
        } catch (ConcurrentEditException e) {
            new FormErrors(this).show(e);
        }
    }

    void saveNotes() {
        try {
            show(oneOnOnes.saveNotes(details.summary().id(), notes.getValue(), details.version()));
            FormErrors.success(getTranslation("oneonone.saved"));
        } catch (BusinessRuleException e) {
            new FormErrors(this).field("notes", notes).show(e);
        } catch (ConcurrentEditException e) {
            new FormErrors(this).show(e);
        }
    }

    void savePrivate() {
        try {
            oneOnOnes.savePrivateNote(details.summary().id(), privateNote.getValue());
            FormErrors.success(getTranslation("oneonone.saved"));
        } catch (BusinessRuleException e) {
            new FormErrors(this).field("privateNote", privateNote).show(e);
        }
    }

    void addAction() {
        try {
            oneOnOnes.addActionItem(details.summary().id(), owner.getValue() == null ? null : owner.getValue().id(),
                    actionText.getValue(), actionDue.getValue());
        } catch (BusinessRuleException e) {
            new FormErrors(this).field("owner", owner).field("text", actionText).show(e);
            return;
        }
        actionText.clear();
        actionDue.clear();
        showActions(oneOnOnes.get(details.summary().id()).actionItems());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("nav.oneonones");
    }
}
