package xlspark.spark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import xlspark.value.DateSerial;

/** Typed columns' dates become the serials the engine's one date conversion gives (DATE, TODAY, DATEVALUE). */
class CellTypingTest {
  static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void issue15_datesAreTheSerialsDateGives() {
    assertEquals(45458.0, CellTyping.fromTyped(LocalDate.of(2024, 6, 15), UTC));
    assertEquals(45458.75, CellTyping.fromTyped(Instant.parse("2024-06-15T18:00:00Z"), UTC));
    assertEquals(45458.5, CellTyping.fromTyped(LocalDateTime.of(2024, 6, 15, 12, 0), UTC));
    assertEquals(45458.0, CellTyping.fromTyped(java.sql.Date.valueOf("2024-06-15"), UTC));
    // Before the phantom 1900-02-29 a day count from 1899-12-30 is one too many: 1900-01-01 is serial 1.
    assertEquals(1.0, CellTyping.fromTyped(LocalDate.of(1900, 1, 1), UTC));
    assertEquals(59.0, CellTyping.fromTyped(LocalDate.of(1900, 2, 28), UTC));
    assertEquals(61.0, CellTyping.fromTyped(LocalDate.of(1900, 3, 1), UTC));
    for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 1902; d = d.plusDays(7)) {
      assertEquals(DateSerial.of(d), CellTyping.fromTyped(d, UTC), d::toString);
    }
  }
}
