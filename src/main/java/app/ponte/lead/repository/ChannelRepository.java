package app.ponte.lead.repository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of channels; always inside the channel service's transaction. */
@Transactional(propagation = Propagation.MANDATORY)
public interface ChannelRepository extends JpaRepository<ChannelEntity, String> {
}
