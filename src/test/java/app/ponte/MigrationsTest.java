package app.ponte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every Flyway migration applies on the database under test (H2 here, PostgreSQL in CI) and the
 * schema matches the entities (Hibernate validates it when the context starts).
 */
@PonteTest
@Tag("persistence")
class MigrationsTest {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers testUsers;

    @Test
    void all_migrations_are_applied_successfully() {
        MigrationInfo[] all = flyway.info().all();
        assertThat(all).isNotEmpty();
        assertThat(Arrays.stream(all).map(MigrationInfo::getState))
                .allMatch(s -> s == MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * H2 2.4.240 breaks a CHECK constraint with an IN list once the connection that created it is
     * closed (decision 021): the migrations' pooled connection must never be retired on H2.
     */
    @Test
    void on_the_embedded_database_the_pool_never_retires_the_connection_that_ran_the_migrations() {
        var pool = (com.zaxxer.hikari.HikariDataSource) dataSource;
        if (pool.getJdbcUrl().startsWith("jdbc:h2:")) {
            assertThat(pool.getMaxLifetime()).isZero();
            assertThat(pool.getMinimumIdle()).isEqualTo(pool.getMaximumPoolSize()); // no idle eviction either
        } else {
            assertThat(pool.getMaxLifetime()).isEqualTo(1_800_000);
        }
    }

    @Test
    void the_role_check_constraint_refuses_unknown_roles() {
        long userId = testUsers.create("constraint", app.ponte.security.Role.SALES).id().value();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                jdbc.sql("insert into app_user_role (user_id, role) values (:id, 'PIRATE')").param("id", userId).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
