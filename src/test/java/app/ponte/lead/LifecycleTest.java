package app.ponte.lead;

import static app.ponte.lead.LeadStatus.LOST;
import static app.ponte.lead.LeadStatus.MQL;
import static app.ponte.lead.LeadStatus.NEW;
import static app.ponte.lead.LeadStatus.OPPORTUNITY;
import static app.ponte.lead.LeadStatus.SQL;
import static app.ponte.lead.LeadStatus.WON;
import static org.assertj.core.api.Assertions.assertThat;

import app.ponte.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every move between every pair of statuses, for each kind of user: exactly the moves listed
 * here are allowed by hand (domain.md, "Lead lifecycle" and "Roles"), everything else is refused.
 */
class LifecycleTest {

    record Move(LeadStatus from, LeadStatus to) {
        @Override
        public String toString() {
            return from + "→" + to;
        }
    }

    static final Set<Move> MARKETING_MOVES = Set.of(new Move(NEW, MQL), new Move(MQL, NEW), new Move(NEW, LOST),
            new Move(MQL, LOST));
    static final Set<Move> SALES_OWNER_MOVES = Set.of(new Move(SQL, OPPORTUNITY), new Move(OPPORTUNITY, WON),
            new Move(SQL, LOST), new Move(OPPORTUNITY, LOST));
    static final Set<Move> MANAGER_MOVES = Set.of(new Move(NEW, MQL), new Move(MQL, NEW), new Move(SQL, OPPORTUNITY),
            new Move(OPPORTUNITY, WON), new Move(NEW, LOST), new Move(MQL, LOST), new Move(SQL, LOST),
            new Move(OPPORTUNITY, LOST), new Move(LOST, NEW));

    static Stream<Arguments> everyMoveForEveryKindOfUser() {
        List<Arguments> cases = new ArrayList<>();
        for (LeadStatus from : LeadStatus.values()) {
            for (LeadStatus to : LeadStatus.values()) {
                Move move = new Move(from, to);
                cases.add(Arguments.of("marketing", EnumSet.of(Role.MARKETING), false, move,
                        MARKETING_MOVES.contains(move)));
                cases.add(Arguments.of("sales, owner", EnumSet.of(Role.SALES), true, move,
                        SALES_OWNER_MOVES.contains(move)));
                cases.add(Arguments.of("sales, not owner", EnumSet.of(Role.SALES), false, move, false));
                cases.add(Arguments.of("manager", EnumSet.of(Role.MANAGER), false, move, MANAGER_MOVES.contains(move)));
                cases.add(Arguments.of("admin", EnumSet.of(Role.ADMIN), false, move, false));
                Set<Move> both = new java.util.HashSet<>(MARKETING_MOVES);
                both.addAll(SALES_OWNER_MOVES);
                cases.add(Arguments.of("marketing and sales, owner", EnumSet.of(Role.MARKETING, Role.SALES), true, move,
                        both.contains(move)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {3} allowed={4}")
    @MethodSource("everyMoveForEveryKindOfUser")
    void exactly_the_listed_moves_are_allowed(String who, Set<Role> roles, boolean owner, Move move, boolean allowed) {
        assertThat(Lifecycle.refusal(move.from(), move.to(), roles, owner).isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusalsWithTheirReason")
    void a_refusal_says_why(Move move, Set<Role> roles, boolean owner, String key) {
        assertThat(Lifecycle.refusal(move.from(), move.to(), roles, owner)).contains(key);
    }

    static Stream<Arguments> refusalsWithTheirReason() {
        return Stream.of(
                Arguments.of(new Move(MQL, SQL), EnumSet.of(Role.MANAGER), false, "lead.move.sql-by-handoff"),
                Arguments.of(new Move(NEW, SQL), EnumSet.of(Role.MANAGER), false, "lead.move.one-step"),
                Arguments.of(new Move(WON, LOST), EnumSet.of(Role.MANAGER), false, "lead.move.won-is-final"),
                Arguments.of(new Move(LOST, NEW), EnumSet.of(Role.MARKETING), false, "lead.move.reopen-by-manager"),
                Arguments.of(new Move(LOST, MQL), EnumSet.of(Role.MANAGER), false, "lead.move.lost-only-reopens"),
                Arguments.of(new Move(SQL, OPPORTUNITY), EnumSet.of(Role.SALES), false, "lead.move.sales-own-leads"),
                Arguments.of(new Move(SQL, OPPORTUNITY), EnumSet.of(Role.MARKETING), false, "lead.move.sales-stage"),
                Arguments.of(new Move(NEW, MQL), EnumSet.of(Role.SALES), true, "lead.move.marketing-stage"),
                Arguments.of(new Move(NEW, NEW), EnumSet.of(Role.MANAGER), false, "lead.move.same"));
    }

    static Stream<Arguments> everyStatusForEveryKindOfUser() {
        List<Arguments> cases = new ArrayList<>();
        for (LeadStatus status : LeadStatus.values()) {
            boolean mql = status == MQL;
            cases.add(Arguments.of("marketing", EnumSet.of(Role.MARKETING), status, mql));
            cases.add(Arguments.of("manager", EnumSet.of(Role.MANAGER), status, mql));
            cases.add(Arguments.of("marketing and sales", EnumSet.of(Role.MARKETING, Role.SALES), status, mql));
            cases.add(Arguments.of("sales", EnumSet.of(Role.SALES), status, false));
            cases.add(Arguments.of("admin", EnumSet.of(Role.ADMIN), status, false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: hand off {2} allowed={3}")
    @MethodSource("everyStatusForEveryKindOfUser")
    void only_an_mql_is_handed_off_and_only_by_marketing_or_a_manager(String who, Set<Role> roles, LeadStatus status,
            boolean allowed) {
        assertThat(Lifecycle.handoffRefusal(status, roles).isEmpty()).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "hand off {0} as {1}")
    @MethodSource("handoffRefusalsWithTheirReason")
    void a_handoff_refusal_says_why(LeadStatus status, Set<Role> roles, String key) {
        assertThat(Lifecycle.handoffRefusal(status, roles)).contains(key);
    }

    static Stream<Arguments> handoffRefusalsWithTheirReason() {
        return Stream.of(
                Arguments.of(SQL, EnumSet.of(Role.MARKETING), "handoff.error.not-mql"),
                Arguments.of(OPPORTUNITY, EnumSet.of(Role.MANAGER), "handoff.error.not-mql"),
                Arguments.of(NEW, EnumSet.of(Role.MARKETING), "handoff.error.not-mql"),
                Arguments.of(MQL, EnumSet.of(Role.SALES), "handoff.error.marketing-only"));
    }

    @ParameterizedTest(name = "import {0} allowed={1}")
    @MethodSource("importOrder")
    void imported_history_checks_only_the_order(Move move, boolean allowed) {
        assertThat(Lifecycle.importable(move.from(), move.to())).isEqualTo(allowed);
    }

    static Stream<Arguments> importOrder() {
        Set<Move> allowed = Set.of(new Move(NEW, MQL), new Move(MQL, SQL), new Move(SQL, OPPORTUNITY),
                new Move(OPPORTUNITY, WON), new Move(NEW, LOST), new Move(MQL, LOST), new Move(SQL, LOST),
                new Move(OPPORTUNITY, LOST), new Move(MQL, NEW), new Move(LOST, NEW));
        List<Arguments> cases = new ArrayList<>();
        for (LeadStatus from : LeadStatus.values()) {
            for (LeadStatus to : LeadStatus.values()) {
                Move move = new Move(from, to);
                cases.add(Arguments.of(move, allowed.contains(move)));
            }
        }
        return cases.stream();
    }
}
