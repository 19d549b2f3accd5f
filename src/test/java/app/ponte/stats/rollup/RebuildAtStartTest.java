package app.ponte.stats.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The start-up flag: {@code --ponte.stats.rebuild} alone or {@code =true} rebuilds, nothing else does. */
class RebuildAtStartTest {

    @Test
    void the_bare_flag_or_true_asks_for_a_rebuild_false_or_nothing_does_not() {
        assertThat(requested("--ponte.stats.rebuild")).isTrue();
        assertThat(requested("--ponte.stats.rebuild=true")).isTrue();
        assertThat(requested("--ponte.stats.rebuild=false")).isFalse();
        assertThat(requested("--server.port=18101")).isFalse();
    }

    /** The properties bound from the command line as the application binds them, then the runner's decision. */
    private static boolean requested(String... args) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        RollupProperties properties = Binder.get(environment).bindOrCreate("ponte.stats", RollupProperties.class);
        return RebuildAtStart.requested(properties, new DefaultApplicationArguments(args));
    }
}
