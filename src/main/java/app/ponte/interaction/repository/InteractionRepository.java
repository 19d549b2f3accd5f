package app.ponte.interaction.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of interactions; always inside the interaction service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface InteractionRepository extends JpaRepository<InteractionEntity, Long> {
}
