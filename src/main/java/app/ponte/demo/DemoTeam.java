package app.ponte.demo;

import app.ponte.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The demo team: about fifteen people over every role, one of them in both marketing and sales,
 * one who has left. Their accounts and the shared password are listed in the README.
 */
final class DemoTeam {

    /** Every demo account signs in with this password (printed at start, listed in the README). */
    static final String PASSWORD = "ponte-demo";

    record Member(String username, String fullName, Set<Role> roles, String language, boolean active) {
    }

    static final List<Member> MEMBERS = List.of(
            new Member("admin", "Giulia Ricci", EnumSet.of(Role.ADMIN), "it", true),
            new Member("manager", "Marco Bianchi", EnumSet.of(Role.MANAGER), "en", true),
            new Member("lferrari", "Laura Ferrari", EnumSet.of(Role.MANAGER, Role.ADMIN), "it", true),
            new Member("sromano", "Sara Romano", EnumSet.of(Role.MARKETING), "it", true),
            new Member("dcolombo", "Davide Colombo", EnumSet.of(Role.MARKETING), "it", true),
            new Member("emartin", "Emma Martin", EnumSet.of(Role.MARKETING), "en", true),
            new Member("fgallo", "Francesca Gallo", EnumSet.of(Role.MARKETING), "it", true),
            new Member("pmarino", "Paolo Marino", EnumSet.of(Role.MARKETING, Role.SALES), "it", true),
            new Member("rossi", "Luca Rossi", EnumSet.of(Role.SALES), "it", true),
            new Member("gesposito", "Giorgio Esposito", EnumSet.of(Role.SALES), "it", true),
            new Member("cbruno", "Chiara Bruno", EnumSet.of(Role.SALES), "it", true),
            new Member("amoretti", "Andrea Moretti", EnumSet.of(Role.SALES), "en", true),
            new Member("jsmith", "James Smith", EnumSet.of(Role.SALES), "en", true),
            new Member("vgreco", "Valentina Greco", EnumSet.of(Role.SALES), "it", true),
            new Member("tfontana", "Tommaso Fontana", EnumSet.of(Role.SALES), "it", false));

    private DemoTeam() {
    }
}
