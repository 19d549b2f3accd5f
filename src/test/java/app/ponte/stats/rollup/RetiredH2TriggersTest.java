package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.h2.util.JdbcUtils;
import org.junit.jupiter.api.Test;

/**
 * A merged H2 migration's {@code create trigger … call "<a class that is gone>"} still runs (decision 050):
 * the retired name resolves to a trigger that does nothing; any other missing class still fails.
 */
class RetiredH2TriggersTest {

    private static final String GONE = "app.ponte.stats.query.GoneForTheTest";

    @Test
    void a_trigger_of_a_retired_class_is_created_and_does_nothing() throws SQLException {
        RetiredH2Triggers factory = new RetiredH2Triggers(Set.of(GONE));
        JdbcUtils.addClassFactory(factory);
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:retired_a", "sa", "");
                Statement sql = db.createStatement()) {
            sql.execute("create table watched (id bigint primary key, n int)");
            sql.execute("create trigger tg_gone after insert, update, delete on watched for each row call \"" + GONE + "\"");
            sql.execute("insert into watched values (1, 1)");
            sql.execute("update watched set n = 2");
            sql.execute("delete from watched");
            sql.execute("drop trigger tg_gone");
            try (ResultSet rs = sql.executeQuery("select count(*) from information_schema.triggers")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        } finally {
            JdbcUtils.removeClassFactory(factory);
        }
    }

    @Test
    void a_class_that_was_never_retired_still_fails() throws SQLException {
        RetiredH2Triggers factory = new RetiredH2Triggers(Set.of(GONE));
        JdbcUtils.addClassFactory(factory);
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:retired_b", "sa", "");
                Statement sql = db.createStatement()) {
            sql.execute("create table watched (id bigint primary key)");
            assertThatThrownBy(() -> sql.execute("create trigger tg_typo after insert on watched for each row call \""
                    + GONE + "Typo\"")).isInstanceOf(SQLException.class).hasMessageContaining("GoneForTheTestTypo");
        } finally {
            JdbcUtils.removeClassFactory(factory);
        }
    }

    @Test
    void the_retired_names_are_the_classes_the_merged_h2_migrations_call() throws Exception {
        StringBuilder calls = new StringBuilder();
        var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
        for (var migration : resolver.getResources("classpath:db/vendor/h2/V*.sql")) {
            calls.append(migration.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        }
        var named = java.util.regex.Pattern.compile("(?i)call\\s+['\"]([\\w.]+)['\"]").matcher(calls).results()
                .map(m -> m.group(1)).collect(java.util.stream.Collectors.toSet());
        assertThat(named).isEqualTo(RetiredH2Triggers.NAMES);
    }
}
