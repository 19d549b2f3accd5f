package app.ponte.lead;

import app.ponte.base.BusinessRuleException;
import app.ponte.base.ConcurrentEditException;
import app.ponte.base.CsvWriter;
import app.ponte.lead.query.LeadQuery;
import app.ponte.lead.repository.ChannelEntity;
import app.ponte.lead.repository.ChannelRepository;
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

    /** Columns of the channels export (docs/export.md). */
    public static final List<String> EXPORT_HEADER = List.of("code", "name", "kind", "active");
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
    @PreAuthorize("hasRole('ADMIN')")
    public void export(OutputStream out) {
        CsvWriter csv = CsvWriter.withHeader(out, EXPORT_HEADER);
        list(true).forEach(c -> csv.row(c.code(), c.name(), c.kind().name(), c.active()));
        csv.flush();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Channel add(String code, String name, ChannelKind kind) {
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(normalized).matches()) {
            throw new BusinessRuleException("code", "channel.error.code-format");
        }
        if (channels.existsById(normalized)) {
            throw new BusinessRuleException("code", "channel.error.code-taken", normalized);
        }
        if (kind == null) {
            throw new BusinessRuleException("kind", "channel.error.kind-required");
        }
        return channel(channels.saveAndFlush(new ChannelEntity(normalized, requireName(name), kind)));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Channel rename(String code, String name, long version) {
        ChannelEntity channel = load(code);
        if (channel.getVersion() != version) {
            throw new ConcurrentEditException("", null);
        }
        channel.setName(requireName(name));
        return channel(channels.saveAndFlush(channel));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Channel setActive(String code, boolean active) {
        ChannelEntity channel = load(code);
        channel.setActive(active);
        return channel(channels.saveAndFlush(channel));
    }

    /** Deletes a channel no lead uses; one in use can only be deactivated. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void delete(String code) {
        ChannelEntity channel = load(code);
        if (query.channelInUse(channel.getCode())) {
            throw new BusinessRuleException(null, "channel.error.in-use", channel.getName());
        }
        channels.delete(channel);
        channels.flush();
    }

    private ChannelEntity load(String code) {
        return channels.findById(code == null ? "" : code)
                .orElseThrow(() -> new BusinessRuleException("code", "channel.error.not-found"));
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessRuleException("name", "channel.error.name-required");
        }
        if (trimmed.length() > 80) {
            throw new BusinessRuleException("name", "lead.error.too-long", 80);
        }
        return trimmed;
    }

    private static Channel channel(ChannelEntity c) {
        return new Channel(c.getCode(), c.getName(), c.getKind(), c.isActive(), c.getVersion());
    }
}
