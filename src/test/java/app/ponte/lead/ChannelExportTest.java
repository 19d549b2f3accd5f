package app.ponte.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ponte.PonteTest;
import app.ponte.TestUsers;
import app.ponte.security.Role;
import app.ponte.security.SystemCaller;
import app.ponte.security.UserSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The channels export: every channel, active or not, for administrators only. */
@PonteTest
class ChannelExportTest {

    @Autowired
    ChannelService channels;

    @Autowired
    TestUsers testUsers;

    private String export(UserSummary user) {
        var out = new ByteArrayOutputStream();
        SystemCaller.callAs(user.username(), user.roles(), () -> {
            channels.export(out);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void every_channel_exports_with_code_names_kind_and_whether_it_is_active() {
        String code = ("CX_" + TestUsers.uniqueName("c").replace("-", "_")).toUpperCase(Locale.ROOT);
        SystemCaller.call(() -> channels.add(code, "@Fair, Milan " + code, "Fiera di Milano " + code, ChannelKind.OFFLINE));
        SystemCaller.call(() -> channels.setActive(code, false));

        String csv = export(testUsers.create("cx-admin", Role.ADMIN));
        assertThat(csv).startsWith("code,name,name_it,kind,active\r\n");
        assertThat(csv.split("\r\n")).contains(code + ",\"'@Fair, Milan " + code + "\",Fiera di Milano " + code + ",OFFLINE,false");
    }

    @Test
    void only_administrators_export_channels() {
        assertThatThrownBy(() -> export(testUsers.create("cx-mgr", Role.MANAGER)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
