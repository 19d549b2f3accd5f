package app.ponte.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The users export: the list's filter, roles as the users import reads them, never a secret. */
@PonteTest
class UserExportTest {

    @Autowired
    UserService users;

    @Autowired
    TestUsers testUsers;

    private String export(UserSummary caller, UserFilter filter) {
        var out = new ByteArrayOutputStream();
        SystemCaller.callAs(caller.username(), caller.roles(), () -> {
            users.export(filter, out);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_filtered_user_list_exports_by_username() {
        String tag = TestUsers.uniqueName("ux");
        UserSummary bea0 = SystemCaller.call(() -> users.create(new NewUser(tag + "-b", "Bea Neri", null,
                Set.of(Role.SALES, Role.MANAGER), "secret-123", Locale.ENGLISH)));
        UserSummary ada0 = SystemCaller.call(() -> users.create(new NewUser(tag + "-a", "Ada Rossi", "ada@example.com",
                Set.of(Role.MARKETING), "secret-123", Locale.ENGLISH)));
        SystemCaller.call(() -> users.deactivate(bea0.id()));
        UserSummary admin = testUsers.create("ux-admin", Role.ADMIN);
        // as stored (microseconds), not as the clock gave it
        UserSummary ada = SystemCaller.call(() -> users.get(ada0.id())).orElseThrow();
        UserSummary bea = SystemCaller.call(() -> users.get(bea0.id())).orElseThrow();

        String header = "username,full_name,email,roles,active,can_sign_in,created_at\r\n";
        String adaRow = ada.username() + ",Ada Rossi,ada@example.com,MARKETING,true,true," + ada.createdAt() + "\r\n";
        assertThat(export(admin, new UserFilter(tag, null, true))).isEqualTo(header + adaRow + bea.username()
                + ",Bea Neri,,SALES;MANAGER,false,true," + bea.createdAt() + "\r\n");
        assertThat(export(admin, new UserFilter(tag, null, false))).isEqualTo(header + adaRow);
        assertThat(export(admin, new UserFilter(tag, Role.MANAGER, true))).startsWith(header + bea.username() + ",");
    }

    @Test
    void only_administrators_export_users() {
        UserSummary manager = testUsers.create("ux-mgr", Role.MANAGER);
        assertThatThrownBy(() -> export(manager, UserFilter.all())).isInstanceOf(AccessDeniedException.class);
    }
}
