package app.ponte.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CSV as every export writes it: RFC 4180, UTF-8, and no formula a spreadsheet would run. */
class CsvWriterTest {

    private static String write(Object... cells) {
        var bytes = new ByteArrayOutputStream();
        CsvWriter.withHeader(bytes, "a", "b").row(cells).flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The record line written for one cell (under a one-column header), without its CRLF. */
    private static String single(String cell) {
        var bytes = new java.io.ByteArrayOutputStream();
        CsvWriter.withHeader(bytes, "h").row(cell).flush();
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.substring("h\r\n".length(), text.length() - 2);
    }

    @Test
    void a_formula_is_written_as_text() {
        assertThat(write("=1+2", "ok")).isEqualTo("a,b\r\n'=1+2,ok\r\n");
        assertThat(single("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void every_dangerous_first_character_gets_a_leading_apostrophe() {
        assertThat(single("+39 02 1234")).isEqualTo("'+39 02 1234");
        assertThat(single("-5")).isEqualTo("'-5");
        assertThat(single("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(single("\tx")).isEqualTo("'\tx");
        assertThat(single("\rx")).isEqualTo("\"'\rx\"");
        assertThat(single("a=b")).isEqualTo("a=b");
    }

    @Test
    void quotes_commas_and_line_breaks_are_quoted() {
        assertThat(write("say \"hi\"", "a, b")).isEqualTo("a,b\r\n\"say \"\"hi\"\"\",\"a, b\"\r\n");
        assertThat(write("two\nlines", null)).isEqualTo("a,b\r\n\"two\nlines\",\r\n");
    }

    @Test
    void non_ascii_text_survives_as_utf_8() {
        assertThat(write("Società Più", "東京 — €")).isEqualTo("a,b\r\nSocietà Più,東京 — €\r\n");
    }
}
