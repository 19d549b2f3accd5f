package app.ponte.lead.ui;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.ui.FormErrors;
import app.ponte.base.ui.CsvDownload;
import app.ponte.base.ui.MainLayout;
import app.ponte.lead.Channel;
import app.ponte.lead.ChannelKind;
import app.ponte.lead.ChannelService;
import app.ponte.security.AppRoles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** ADMIN: the acquisition channels — add, rename, deactivate, delete when unused. */
@Route(value = "admin/channels", layout = MainLayout.class)
@Menu(order = 91, title = "nav.channels", icon = "vaadin:connect")
@RolesAllowed(AppRoles.ADMIN)
class ChannelsView extends VerticalLayout implements HasDynamicTitle {

    private final ChannelService channels;
    final Grid<Channel> grid = new Grid<>();
    final TextField code = new TextField();
    final TextField name = new TextField();
    final TextField nameIt = new TextField();
    final ComboBox<ChannelKind> kind = new ComboBox<>();
    private final FormErrors errors = new FormErrors(this);

    ChannelsView(ChannelService channels, Clock clock) {
        this.channels = channels;
        setId("channels-view");
        setSizeFull();

        code.setId("channel-code");
        code.setLabel(getTranslation("channels.code"));
        code.setHelperText(getTranslation("channels.code-help"));
        code.setMaxLength(30);
        name.setId("channel-name");
        name.setLabel(getTranslation("channels.name-en"));
        name.setMaxLength(80);
        nameIt.setId("channel-name-it");
        nameIt.setLabel(getTranslation("channels.name-it"));
        nameIt.setHelperText(getTranslation("channels.name-it-help"));
        nameIt.setMaxLength(80);
        kind.setId("channel-kind");
        kind.setLabel(getTranslation("channels.kind"));
        kind.setItems(ChannelKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("channel-kind." + k.name()));
        var add = new Button(getTranslation("channels.add"), e -> add());
        add.setId("channel-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        errors.field("code", code).field("name", name).field("nameIt", nameIt).field("kind", kind);
        var form = new HorizontalLayout(code, name, nameIt, kind, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("channels-grid");
        grid.addColumn(Channel::code).setHeader(getTranslation("channels.code")).setAutoWidth(true);
        grid.addComponentColumn(c -> nameEditor(c, false)).setHeader(getTranslation("channels.name-en"))
                .setFlexGrow(1);
        grid.addComponentColumn(c -> nameEditor(c, true)).setHeader(getTranslation("channels.name-it"))
                .setFlexGrow(1);
        grid.addColumn(c -> getTranslation("channel-kind." + c.kind().name())).setHeader(getTranslation("channels.kind"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::status).setHeader(getTranslation("channels.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        var export = new CsvDownload("channels-export", getTranslation("channels.export"), "channels", clock,
                clock.getZone(), channels::export);
        add(new H2(getTranslation("channels.title")), form, export, grid);
        expand(grid);
        refresh();
    }

    /** The English or the Italian name of a channel, saved when the admin leaves the field. */
    private TextField nameEditor(Channel channel, boolean italian) {
        var field = new TextField();
        field.setId((italian ? "channel-name-it-" : "channel-name-") + channel.code());
        field.setValue(italian ? (channel.italianName() == null ? "" : channel.italianName()) : channel.englishName());
        if (italian) {
            field.setPlaceholder(channel.englishName()); // what Italian readers see while it is empty
        }
        field.setWidthFull();
        field.setMaxLength(80);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                rename(channel, italian ? channel.englishName() : e.getValue(),
                        italian ? e.getValue() : channel.italianName(), field);
            }
        });
        return field;
    }

    private Span status(Channel channel) {
        var badge = new Span(getTranslation(channel.active() ? "channels.active" : "channels.inactive"));
        badge.getElement().getThemeList().add(channel.active() ? "badge success" : "badge contrast");
        return badge;
    }

    private HorizontalLayout actions(Channel channel) {
        var toggle = new Button(getTranslation(channel.active() ? "channels.deactivate" : "channels.activate"),
                e -> setActive(channel, !channel.active()));
        toggle.setId("channel-toggle-" + channel.code());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var delete = new Button(getTranslation("channels.delete"), e -> delete(channel));
        delete.setId("channel-delete-" + channel.code());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(toggle, delete);
    }

    void add() {
        errors.clear();
        try {
            Channel added = channels.add(code.getValue(), name.getValue(), nameIt.getValue(), kind.getValue());
            FormErrors.success(getTranslation("channels.added", added.name(getLocale())));
            code.clear();
            name.clear();
            nameIt.clear();
            kind.clear();
            refresh();
        } catch (BusinessRuleException e) {
            errors.show(e);
        }
    }

    void rename(Channel channel, String englishName, String italianName, TextField field) {
        try {
            Channel renamed = channels.rename(channel.code(), englishName, italianName, channel.version());
            FormErrors.success(getTranslation("channels.renamed", renamed.name(getLocale())));
            refresh();
        } catch (BusinessRuleException e) {
            field.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            field.setInvalid(true);
        } catch (ConcurrentEditException e) {
            FormErrors.error(getTranslation("channels.changed-meanwhile"));
            refresh();
        }
    }

    void setActive(Channel channel, boolean active) {
        channels.setActive(channel.code(), active);
        refresh();
    }

    void delete(Channel channel) {
        try {
            channels.delete(channel.code());
            FormErrors.success(getTranslation("channels.deleted", channel.name(getLocale())));
            refresh();
        } catch (BusinessRuleException e) {
            FormErrors.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void refresh() {
        grid.setItems(channels.list(true));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name") + " · " + getTranslation("channels.title");
    }
}
