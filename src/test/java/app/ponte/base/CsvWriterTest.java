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

    @Test
    void numbers_are_plain_decimals_with_a_point() {
        assertThat(write(0.0001, new java.math.BigDecimal("1E+3"))).isEqualTo("a,b\r\n0.0001,1000\r\n");
        assertThat(write(0.5, 1.0)).isEqualTo("a,b\r\n0.5,1.0\r\n");
        assertThat(write(new java.math.BigDecimal("1500.50"), 12345678912.0)).isEqualTo("a,b\r\n1500.50,12345678912\r\n");
    }

    @Test
    void pages_are_read_until_a_short_one_and_written_in_order() {
        var bytes = new ByteArrayOutputStream();
        var asked = new java.util.ArrayList<String>();
        long written = CsvWriter.withHeader(bytes, "n").pages((offset, limit) -> {
            asked.add(offset + "+" + limit);
            return java.util.stream.IntStream.range(offset, Math.min(offset + limit, 5)).boxed().toList();
        }, 2, n -> java.util.List.of(n));
        assertThat(written).isEqualTo(5);
        assertThat(asked).containsExactly("0+2", "2+2", "4+2");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("n\r\n0\r\n1\r\n2\r\n3\r\n4\r\n");
    }
}
