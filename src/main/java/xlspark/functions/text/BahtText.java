package xlspark.functions.text;

import static xlspark.functions.ArgKind.NUMBER;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.ExcelError;
import xlspark.value.Value;

/**
 * BAHTTEXT(number): the amount in Thai words with บาท (baht) and สตางค์ (satang, the number rounded to two
 * decimals), ถ้วน ("exactly") when there are no satang, ลบ before a negative amount. Digits are read in groups of
 * six, each group above the first followed by ล้าน (million); ten is สิบ, twenty ยี่สิบ, and a final one after a
 * tens digit เอ็ด (สิบเอ็ด, ห้าสิบเอ็ด).
 */
public final class BahtText {
  private static final String[] DIGITS = {"", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"};
  /** Place names for 10^5 .. 10^2 in a six-digit group. */
  private static final String[] PLACES = {"แสน", "หมื่น", "พัน", "ร้อย"};
  private static final String TEN = "สิบ";
  private static final String TWENTY = "ยี่";
  private static final String FINAL_ONE = "เอ็ด";
  private static final String MILLION = "ล้าน";
  /** Amounts from 1E15 on no longer have whole satang in a double. */
  private static final double LIMIT = 1e15;

  private BahtText() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(FunctionSpec.builder("BAHTTEXT", a -> bahtText(a.num(0))).arg(NUMBER).build());
  }

  static Value bahtText(double x) {
    if (Math.abs(x) >= LIMIT) {
      return Value.err(ExcelError.NUM, "BAHTTEXT reads amounts below 1E15");
    }
    BigDecimal amount = new BigDecimal(Math.abs(x)).setScale(2, RoundingMode.HALF_UP);
    long baht = amount.longValue();
    int satang = amount.remainder(BigDecimal.ONE).movePointRight(2).intValue();
    StringBuilder sb = new StringBuilder();
    if (x < 0 && (baht > 0 || satang > 0)) {
      sb.append("ลบ");
    }
    if (baht == 0 && satang == 0) {
      return Coerce.text("ศูนย์บาทถ้วน");
    }
    if (baht > 0) {
      words(baht, sb);
      sb.append("บาท");
    }
    if (satang == 0) {
      sb.append("ถ้วน");
    } else {
      words(satang, sb);
      sb.append("สตางค์");
    }
    return Coerce.text(sb.toString());
  }

  private static void words(long n, StringBuilder sb) {
    if (n >= 1_000_000) {
      words(n / 1_000_000, sb);
      sb.append(MILLION);
      n %= 1_000_000;
    }
    int v = (int) n;
    int place = 100_000;
    for (String name : PLACES) {
      int d = v / place;
      if (d > 0) {
        sb.append(DIGITS[d]).append(name);
      }
      v %= place;
      place /= 10;
    }
    int tens = v / 10;
    int ones = v % 10;
    if (tens > 0) {
      sb.append(tens == 1 ? "" : tens == 2 ? TWENTY : DIGITS[tens]).append(TEN);
    }
    if (ones > 0) {
      sb.append(ones == 1 && tens > 0 ? FINAL_ONE : DIGITS[ones]);
    }
  }
}
