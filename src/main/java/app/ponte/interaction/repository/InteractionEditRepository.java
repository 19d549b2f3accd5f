package app.ponte.interaction.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends interaction edits; always inside the interaction service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface InteractionEditRepository extends JpaRepository<InteractionEditEntity, Long> {
}
