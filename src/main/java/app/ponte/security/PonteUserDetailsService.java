package app.ponte.security;

import app.ponte.base.i18n.Languages;
import app.ponte.security.repository.UserAccountRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for sign-in; one without a password (imported) cannot sign in. */
@Component
class PonteUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    PonteUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(UserService.normalizeUsername(username))
                .filter(a -> a.getPasswordHash() != null)
                .map(a -> new PonteUserDetails(new UserId(a.getId()), a.getUsername(), a.getPasswordHash(), a.isActive(),
                        a.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                        a.getFullName(), Languages.of(a.getLanguage())))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
