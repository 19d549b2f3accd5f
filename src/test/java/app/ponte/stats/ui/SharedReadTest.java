package app.ponte.stats.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a shared read keeps once its page has shown every section (the heap of an open tab). */
class SharedReadTest {

    private final AtomicInteger reads = new AtomicInteger();
    @SuppressWarnings("unchecked")
    private final StatsSection<Object> shows = mock(StatsSection.class);
    @SuppressWarnings("unchecked")
    private final StatsSection<Object> repeats = mock(StatsSection.class);
    private final SharedRead<List<String>> read = new SharedRead<>(
            () -> List.of("figures", "read " + reads.incrementAndGet()), List.of(shows), List.of(repeats),
            whole -> whole.subList(0, 1));

    @Test
    void once_every_section_has_shown_them_only_the_repeated_figures_stay_and_no_read_runs_again() {
        assertThat(read.get()).containsExactly("figures", "read 1");
        when(shows.shown()).thenReturn(true);
        read.keepRepeatedOnly();
        assertThat(read.get()).containsExactly("figures");
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_section_that_failed_to_show_them_keeps_them_whole_for_its_retry() {
        read.get();
        when(shows.shown()).thenReturn(false);
        read.keepRepeatedOnly();
        assertThat(read.get()).containsExactly("figures", "read 1");
    }

    @Test
    void after_an_invalidation_the_next_section_reads_them_whole_again() {
        read.get();
        when(shows.shown()).thenReturn(true);
        read.keepRepeatedOnly();
        read.invalidate();
        assertThat(read.get()).containsExactly("figures", "read 2");
    }

    @Test
    void nothing_read_yet_stays_nothing() {
        when(shows.shown()).thenReturn(true);
        read.keepRepeatedOnly();
        assertThat(reads).hasValue(0);
        assertThat(read.get()).containsExactly("figures", "read 1");
    }
}
