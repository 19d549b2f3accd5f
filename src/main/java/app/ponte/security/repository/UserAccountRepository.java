package app.ponte.security.repository;

import app.ponte.security.Role;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of user accounts; every write runs inside the service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    Optional<UserAccount> findByUsername(String username);

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    boolean existsByUsername(String username);

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    long count();

    /**
     * The active holders of a role, locked until the transaction ends, so two administrators
     * removing each other at the same moment cannot leave the team without one.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.active = true and :role member of u.roles")
    List<UserAccount> lockActiveWithRole(@Param("role") Role role);
}
