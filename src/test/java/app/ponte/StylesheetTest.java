package app.ponte;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A stylesheet with an unclosed block silently drops every rule after it: keep the braces balanced. */
class StylesheetTest {

    @Test
    void every_block_of_the_app_stylesheet_is_closed() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/META-INF/resources/styles/ponte.css"))
                .replaceAll("(?s)/\\*.*?\\*/", "");
        int depth = 0;
        for (char c : css.toCharArray()) {
            if (c == '{') {
                depth++;
                assertThat(depth).as("a block opened inside another").isLessThanOrEqualTo(2);
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("a closing brace without a block").isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(depth).as("unclosed blocks").isZero();
    }

    /** A merge left half done compiles and passes the brace count: look for its markers everywhere in text. */
    @Test
    void no_file_holds_merge_conflict_markers() throws IOException {
        try (var files = Files.walk(Path.of("src"))) {
            var marked = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(java|properties|css|sql|ts|mjs|json|md)$"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).lines().anyMatch(l -> l.startsWith("<<<<<<< ")
                                    || l.startsWith(">>>>>>> ") || l.equals("======="));
                        } catch (IOException e) {
                            return false;
                        }
                    }).toList();
            assertThat(marked).isEmpty();
        }
    }
}
