package app.ponte.security.api;

import app.ponte.security.Role;
import app.ponte.security.UserFilter;
import app.ponte.security.UserService;
import app.ponte.security.UserSort;
import app.ponte.security.UserSummary;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and (ADMIN) the team's accounts; the service decides who may read what. */
@RestController
@RequestMapping("/api")
class UserApiController {

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    record UserJson(String username, String fullName, String email, List<String> roles, boolean active,
            String language) {

        static UserJson of(UserSummary u) {
            return new UserJson(u.username(), u.fullName(), u.email(),
                    u.roles().stream().map(Role::name).sorted().toList(), u.active(), u.language().getLanguage());
        }
    }

    record UsersJson(List<UserJson> users) {
    }

    @GetMapping("/me")
    UserJson me() {
        return UserJson.of(users.me());
    }

    @GetMapping("/users")
    UsersJson users(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        int safeLimit = Math.min(Math.max(limit, 1), 500);
        return new UsersJson(users.find(UserFilter.all(), UserSort.USERNAME, true, Math.max(offset, 0), safeLimit)
                .stream().map(UserJson::of).toList());
    }
}
