package app.ponte.comment.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.PonteProperties;
import app.ponte.base.ui.Formats;
import app.ponte.comment.CommentEntry;
import app.ponte.comment.CommentService;
import app.ponte.lead.LeadId;
import app.ponte.live.LiveUpdates;
import app.ponte.security.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comments of a lead: the list (updated live), a box to write one with {@code @} suggestions,
 * and edit/delete for one's own. Every text is set as text — never as HTML.
 */
class CommentsSection extends Div {

    /** The "@na" being typed at the end of the text. */
    private static final Pattern TYPING_MENTION = Pattern.compile("(?:^|\\s)@([A-Za-z0-9._-]*)$");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@[A-Za-z0-9][A-Za-z0-9._-]{0,49}");

    private final CommentService comments;
    private final PonteProperties properties;
    private final LeadId lead;
    private final Div list = new Div();
    final TextArea text = new TextArea();
    final Div suggestions = new Div();
    private final Button post = new Button();

    CommentsSection(CommentService comments, LiveUpdates live, PonteProperties properties, LeadId lead) {
        this.comments = comments;
        this.properties = properties;
        this.lead = lead;
        setId("lead-comments");
        addClassName("ponte-comments");
        list.setId("comment-list");
        text.setId("comment-text");
        text.setWidthFull();
        text.setPlaceholder(getTranslation("comment.placeholder"));
        text.setMaxLength(CommentService.MAX_LENGTH);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(250);
        text.addValueChangeListener(e -> suggest());
        suggestions.setId("mention-suggestions");
        suggestions.addClassName("ponte-mention-suggestions");
        post.setText(getTranslation("comment.post"));
        post.setId("comment-post");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        post.addClickListener(e -> post());
        add(new H3(getTranslation("comment.title")), list, text, suggestions, post);
        live.subscribe(this, CommentService.TOPIC, lead.value(), changed -> refresh());
        refresh();
    }

    void refresh() {
        list.removeAll();
        List<CommentEntry> all = comments.list(lead);
        if (all.isEmpty()) {
            var none = new Span(getTranslation("comment.none"));
            none.addClassName("ponte-comment-none");
            list.add(none);
        }
        all.forEach(c -> list.add(view(c)));
    }

    void post() {
        try {
            comments.add(lead, text.getValue());
            text.clear();
            text.setInvalid(false);
            suggestions.removeAll();
            refresh();
        } catch (BusinessRuleException e) {
            text.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            text.setInvalid(true);
        }
    }

    /** Suggests colleagues while an {@code @name} is being typed at the end of the text. */
    void suggest() {
        suggestions.removeAll();
        Matcher m = TYPING_MENTION.matcher(text.getValue() == null ? "" : text.getValue());
        if (!m.find()) {
            return;
        }
        String typed = m.group(1);
        for (UserSummary user : comments.mentionSuggestions(typed)) {
            var choice = new Button("@" + user.username() + " · " + user.fullName(), e -> {
                String value = text.getValue();
                text.setValue(value.substring(0, value.length() - typed.length()) + user.username() + " ");
                suggestions.removeAll();
                text.focus();
            });
            choice.setId("mention-" + user.username());
            choice.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            suggestions.add(choice);
        }
    }

    private Div view(CommentEntry c) {
        var author = new Span(c.authorName());
        author.addClassName("ponte-comment-author");
        String at = Formats.dateTime(c.createdAt(), properties.zone(), getLocale());
        var when = new Span(c.editedAt() == null ? at : getTranslation("comment.edited", at));
        when.addClassName("ponte-comment-when");
        var head = new HorizontalLayout(author, when);
        head.setSpacing(true);
        var body = body(c.body());
        var item = new Div(head, body);
        item.setId("comment-" + c.id());
        item.addClassName("ponte-comment");
        if (c.mine()) {
            var edit = new Button(getTranslation("comment.edit"), e -> startEdit(item, c));
            edit.setId("comment-edit-" + c.id());
            var delete = new Button(getTranslation("comment.delete"), e -> {
                comments.delete(c.id());
                refresh();
            });
            delete.setId("comment-delete-" + c.id());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL,
                    ButtonVariant.LUMO_ERROR);
            head.add(edit, delete);
        }
        return item;
    }

    /** The text with mentions highlighted — built from text nodes, so markup shows as typed. */
    static Div body(String text) {
        var body = new Div();
        body.addClassName("ponte-comment-body");
        Matcher m = MENTION.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                body.add(new Span(text.substring(from, m.start())));
            }
            var mention = new Span(m.group());
            mention.addClassName("ponte-mention");
            body.add(mention);
            from = m.end();
        }
        if (from < text.length()) {
            body.add(new Span(text.substring(from)));
        }
        return body;
    }

    private void startEdit(Div item, CommentEntry c) {
        var editor = new TextArea();
        editor.setId("comment-editor-" + c.id());
        editor.setWidthFull();
        editor.setMaxLength(CommentService.MAX_LENGTH);
        editor.setValue(c.body());
        var save = new Button(getTranslation("common.save"));
        save.setId("comment-save-" + c.id());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.addClickListener(e -> {
            try {
                comments.edit(c.id(), editor.getValue(), c.version());
                refresh();
            } catch (BusinessRuleException ex) {
                editor.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                editor.setInvalid(true);
            } catch (ConcurrentEditException ex) {
                editor.setErrorMessage(getTranslation("comment.error.changed"));
                editor.setInvalid(true);
            }
        });
        var cancel = new Button(getTranslation("common.cancel"), e -> refresh());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL);
        item.removeAll();
        item.add(editor, new HorizontalLayout(save, cancel));
    }
}
