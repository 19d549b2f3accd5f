package app.ponte.notification.repository;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<NotificationEntity, Long> {

    boolean existsByRecipientIdAndOnceKey(long recipientId, String onceKey);

    long countByRecipientIdAndReadAtIsNull(long recipientId);

    List<NotificationEntity> findByRecipientIdOrderByCreatedAtDescIdDesc(long recipientId, Limit limit);

    @Modifying
    @Query("update NotificationEntity n set n.readAt = :now where n.recipientId = :recipient and n.readAt is null")
    int markAllRead(@Param("recipient") long recipientId, @Param("now") Instant now);
}
