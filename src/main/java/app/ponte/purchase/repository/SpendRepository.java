package app.ponte.purchase.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SpendRepository extends JpaRepository<SpendEntity, Long> {

    Optional<SpendEntity> findByChannelCodeAndSpendMonth(String channelCode, LocalDate spendMonth);

    List<SpendEntity> findBySpendMonthBetweenOrderByChannelCodeAscSpendMonthAsc(LocalDate from, LocalDate to);
}
