package app.ponte.lead;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.CsvWriter;
import app.ponte.base.i18n.Bilingual;
import app.ponte.lead.query.LeadQuery;
import app.ponte.lead.repository.ChannelEntity;
import app.ponte.lead.repository.ChannelRepository;
import app.ponte.security.AppRoles;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Acquisition channels: everyone reads them, administrators manage them. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ChannelService {

    /** Columns of the channels export (docs/export.md): {@code name} is the English name. */
    public static final List<String> EXPORT_HEADER = List.of("code", "name", "name_it", "kind", "active");
    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,30}");

    private final ChannelRepository channels;
    private final LeadQuery query;

    ChannelService(ChannelRepository channels, LeadQuery query) {
        this.channels = channels;
        this.query = query;
    }

    /** All channels by code; inactive ones only when asked (they stay on old leads). */
    public List<Channel> list(boolean includeInactive) {
        return channels.findAll().stream()
                .filter(c -> includeInactive || c.isActive())
                .sorted(Comparator.comparing(ChannelEntity::getCode))
                .map(ChannelService::channel)
                .toList();
    }

    /** Writes every channel, active or not, by code, as CSV (docs/export.md). */
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public void export(OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, EXPORT_HEADER);
        list(true).forEach(c -> csv.row(c.code(), c.englishName(), c.italianNameShown(), c.kind().name(), c.active()));
        csv.flush();
    }

    /** Every channel, found by its code or its name in either language (for an import file). */
    public ChannelDirectory directory() {
        return new ChannelDirectory(list(true));
    }

    /**
     * Adds a channel with its English name and, optionally, its Italian one (empty: the same as
     * the English name, decision 023).
     */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public Channel add(String code, String englishName, String italianName, ChannelKind kind) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normalized).matches()) {
            throw new BusinessRuleException("code", "channel.error.code-format");
        }
        if (channels.existsById(normalized)) {
            throw new BusinessRuleException("code", "channel.error.code-taken", normalized);
        }
        String english = requireName(englishName, "name");
        String italian = optionalName(italianName, english);
        if (kind == null) {
            throw new BusinessRuleException("kind", "channel.error.kind-required");
        }
        List<ChannelEntity> others = channels.findAll();
        requireUnique(normalized, "code", others, normalized);
        requireUnique(english, "name", others, normalized);
        if (italian != null) {
            requireUnique(italian, "nameIt", others, normalized);
        }
        return channel(channels.saveAndFlush(new ChannelEntity(normalized, english, italian, kind)));
    }

    /** Renames a channel in both languages (an empty Italian name: the same as the English one). */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public Channel rename(String code, String englishName, String italianName, long version) {
        ChannelEntity channel = load(code);
        if (channel.getVersion() != version) {
            throw new ConcurrentEditException("", null);
        }
        String english = requireName(englishName, "name");
        String italian = optionalName(italianName, english);
        List<ChannelEntity> others = channels.findAll();
        requireUnique(english, "name", others, channel.getCode());
        if (italian != null) {
            requireUnique(italian, "nameIt", others, channel.getCode());
        }
        channel.setName(english);
        channel.setNameIt(italian);
        return channel(channels.saveAndFlush(channel));
    }

    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public Channel setActive(String code, boolean active) {
        ChannelEntity channel = load(code);
        channel.setActive(active);
        return channel(channels.saveAndFlush(channel));
    }

    /** Deletes a channel no lead uses; one in use can only be deactivated. */
    @Transactional
    @PreAuthorize(AppRoles.HAS_ADMIN)
    public void delete(String code) {
        ChannelEntity channel = load(code);
        if (query.channelInUse(channel.getCode())) {
            throw new BusinessRuleException(null, "channel.error.in-use", names(channel));
        }
        channels.delete(channel);
        channels.flush();
    }

    private ChannelEntity load(String code) {
        return channels.findById(code == null ? "" : code)
                .orElseThrow(() -> new BusinessRuleException("code", "channel.error.not-found"));
    }

    private static String requireName(String name, String field) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessRuleException(field, "channel.error.name-required");
        }
        if (trimmed.length() > 80) {
            throw new BusinessRuleException(field, "lead.error.too-long", 80);
        }
        return trimmed;
    }

    /** The Italian name to store: null when empty or the same as the English one (decision 023). */
    private static String optionalName(String name, String english) {
        if (name == null || name.isBlank() || name.strip().equals(english)) {
            return null;
        }
        return requireName(name, "nameIt");
    }

    /**
     * A code or name must not be another channel's code or name in either language (any case):
     * the import finds a channel by any of them, so each must point to one channel only.
     */
    private static void requireUnique(String text, String field, List<ChannelEntity> others, String self) {
        String key = ChannelDirectory.key(text);
        for (ChannelEntity other : others) {
            if (other.getCode().equals(self)) {
                continue;
            }
            if (ChannelDirectory.key(other.getCode()).equals(key) || ChannelDirectory.key(other.getName()).equals(key)
                    || (other.getNameIt() != null && ChannelDirectory.key(other.getNameIt()).equals(key))) {
                throw new BusinessRuleException(field, "channel.error.name-taken", text, names(other));
            }
        }
    }

    /** A channel's name for a message, resolved in the reader's language when the message is shown. */
    static Bilingual names(ChannelEntity c) {
        return new Bilingual(c.getName(), c.getNameIt());
    }

    private static Channel channel(ChannelEntity c) {
        return new Channel(c.getCode(), c.getName(), c.getNameIt(), c.getKind(), c.isActive(), c.getVersion());
    }
}
