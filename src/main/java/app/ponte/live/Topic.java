package app.ponte.live;

import java.util.regex.Pattern;

/**
 * What changed, named by the feature that owns it (e.g. {@code lead}, {@code notifications}).
 * Names are short lower-case words: they travel between nodes in a {@code NOTIFY} payload.
 */
public record Topic(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    public Topic {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad topic name: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
