package app.ponte;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All UI text lives in the English and Italian bundles: both have the same keys, every message
 * is valid MessageFormat, every key the code asks for exists, and views hold no hard-coded text.
 */
class I18nBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java/app/ponte");
    /** getTranslation("key" ...) — the keys code asks for literally. */
    private static final Pattern TRANSLATION_CALL = Pattern.compile("getTranslation\\(\\s*\"([a-zA-Z0-9._-]+)\"\\s*[,)]");
    /** A string literal holding prose: a capitalised word, a space, more words. */
    private static final Pattern PROSE_LITERAL = Pattern.compile("\"([A-ZÀ-Ý][a-zà-ÿ]+\\s[^\"\\\\]*)\"");

    @Test
    void english_and_italian_have_the_same_keys() throws IOException {
        Properties en = load("messages.properties");
        Properties it = load("messages_it.properties");
        assertThat(new TreeSet<>(it.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
    }

    @Test
    void every_message_is_valid_message_format() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_it.properties")) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                new MessageFormat(text); // throws on a broken pattern
                // a lone apostrophe would silently swallow text under MessageFormat
                assertThat(text.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
            }
        }
    }

    @Test
    void every_key_used_in_code_exists() throws IOException {
        Properties en = load("messages.properties");
        List<String> missing = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher m = TRANSLATION_CALL.matcher(Files.readString(file));
            while (m.find()) {
                if (!en.containsKey(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_key_built_from_an_enum_or_list_exists() throws IOException {
        Properties en = load("messages.properties");
        List<String> keys = new ArrayList<>();
        for (app.ponte.security.Role role : app.ponte.security.Role.values()) {
            keys.add("role." + role.name());
        }
        for (java.util.Locale language : app.ponte.base.i18n.Languages.SUPPORTED) {
            keys.add("language." + language.getLanguage());
        }
        for (app.ponte.dataimport.ImportKind kind : app.ponte.dataimport.ImportKind.values()) {
            keys.add("import.kind." + kind.name());
        }
        for (String login : List.of("login.failed", "login.throttled")) {
            keys.add(login + ".title");
            keys.add(login + ".message");
        }
        assertThat(keys).allMatch(en::containsKey);
    }

    @Test
    void views_hold_no_hard_coded_text() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (!file.toString().contains("/ui/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*") || line.startsWith("@")
                        || line.contains("i18n-ignore")) {
                    continue;
                }
                Matcher m = PROSE_LITERAL.matcher(line);
                while (m.find()) {
                    offenders.add(file.getFileName() + ":" + (i + 1) + " " + m.group(1));
                }
            }
        }
        assertThat(offenders).as("hard-coded UI text; move it to messages*.properties").isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
