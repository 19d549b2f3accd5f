package app.ponte.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every channel, found by what people type for it: its code or its name in either language,
 * trimmed and in any case (decision 023). Read once per import file, then asked per row.
 */
public final class ChannelDirectory {

    private final List<Channel> channels;
    private final Map<String, Channel> byCode = new HashMap<>();
    private final Map<String, Channel> byName = new HashMap<>();

    ChannelDirectory(List<Channel> channels) {
        this.channels = List.copyOf(channels);
        for (Channel c : this.channels) {
            byCode.put(key(c.code()), c);
        }
        // a name never hides a code, and the first channel (by code) keeps a name two share; the
        // channel service refuses such names, but a database may hold older ones
        for (Channel c : this.channels) {
            byName.putIfAbsent(key(c.englishName()), c);
            if (c.italianName() != null) {
                byName.putIfAbsent(key(c.italianName()), c);
            }
        }
    }

    /** The channel a code or a name (English or Italian) stands for, any case, spaces around ignored. */
    public Optional<Channel> find(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String key = key(codeOrName);
        Channel channel = byCode.get(key);
        return Optional.ofNullable(channel != null ? channel : byName.get(key));
    }

    /** Every channel's code, in code order (what an error lists as the valid values). */
    public List<String> codes() {
        return channels.stream().map(Channel::code).toList();
    }

    static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
