package xlspark.functions.financial;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import xlspark.functions.FunctionSpec;
import xlspark.functions.financial.Depreciation.Db;
import xlspark.functions.financial.Depreciation.Ddb;
import xlspark.functions.financial.Depreciation.Syd;
import xlspark.functions.financial.Depreciation.Vdb;
import xlspark.functions.financial.TimeValue.Cumulative;
import xlspark.functions.financial.TimeValue.Nper;
import xlspark.functions.financial.TimeValue.Per;
import xlspark.functions.financial.TimeValue.Rate;

/**
 * Financial functions, in Excel's sign convention (cash paid out is negative). Annuities are in
 * {@link TimeValue}, depreciation in {@link Depreciation}, cash-flow series in {@link CashFlows}; IRR, XIRR
 * and RATE iterate with {@link RootFinder}.
 */
public final class FinancialFunctions {
  private FinancialFunctions() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("PMT", TimeValue::pmt).args(NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 0)
            .optionalArg(NUMBER, 0).build(),
        FunctionSpec.builder("PV", TimeValue::pv).args(NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 0)
            .optionalArg(NUMBER, 0).build(),
        FunctionSpec.builder("FV", TimeValue::fv).args(NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 0)
            .optionalArg(NUMBER, 0).build(),
        FunctionSpec.builder("NPER", TimeValue::nper).arg(Nper.RATE, NUMBER).arg(Nper.PMT, NUMBER)
            .arg(Nper.PV, NUMBER).optionalArg(Nper.FV, NUMBER, 0).optionalArg(Nper.TYPE, NUMBER, 0).build(),
        FunctionSpec.builder("RATE", TimeValue::rate).arg(Rate.NPER, NUMBER).arg(Rate.PMT, NUMBER)
            .arg(Rate.PV, NUMBER).optionalArg(Rate.FV, NUMBER, 0).optionalArg(Rate.TYPE, NUMBER, 0)
            .skippableArg(Rate.GUESS, NUMBER, 0.1).build(),
        perPeriod("IPMT", TimeValue::ipmt),
        perPeriod("PPMT", TimeValue::ppmt),
        cumulative("CUMIPMT", true),
        cumulative("CUMPRINC", false),
        FunctionSpec.builder("ISPMT", TimeValue::ispmt).args(NUMBER, NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("EFFECT", TimeValue::effect).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("NOMINAL", TimeValue::nominal).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("PDURATION", TimeValue::pduration).args(NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("RRI", TimeValue::rri).args(NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("DOLLARDE", a -> TimeValue.dollar(a, true)).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("DOLLARFR", a -> TimeValue.dollar(a, false)).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("SLN", Depreciation::sln).args(NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("SYD", Depreciation::syd).arg(Syd.COST, NUMBER).arg(Syd.SALVAGE, NUMBER)
            .arg(Syd.LIFE, NUMBER).arg(Syd.PER, NUMBER).build(),
        FunctionSpec.builder("DB", Depreciation::db).arg(Db.COST, NUMBER).arg(Db.SALVAGE, NUMBER)
            .arg(Db.LIFE, NUMBER).arg(Db.PERIOD, NUMBER).optionalArg(Db.MONTH, NUMBER, 12).build(),
        FunctionSpec.builder("DDB", Depreciation::ddb).arg(Ddb.COST, NUMBER).arg(Ddb.SALVAGE, NUMBER)
            .arg(Ddb.LIFE, NUMBER).arg(Ddb.PERIOD, NUMBER).optionalArg(Ddb.FACTOR, NUMBER, 2).build(),
        FunctionSpec.builder("VDB", Depreciation::vdb).arg(Vdb.COST, NUMBER).arg(Vdb.SALVAGE, NUMBER)
            .arg(Vdb.LIFE, NUMBER).arg(Vdb.START_PERIOD, NUMBER).arg(Vdb.END_PERIOD, NUMBER)
            .skippableArg(Vdb.FACTOR, NUMBER, 2).optionalArg(Vdb.NO_SWITCH, BOOLEAN, false).build(),
        FunctionSpec.builder("NPV", CashFlows::npv).arg(NUMBER).arg(ARRAY).repeating(ARRAY, 255).build(),
        FunctionSpec.builder("IRR", CashFlows::irr).arg(ARRAY).skippableArg(NUMBER, 0.1).build(),
        FunctionSpec.builder("MIRR", CashFlows::mirr).args(ARRAY, NUMBER, NUMBER).build(),
        FunctionSpec.builder("XNPV", CashFlows::xnpv).args(NUMBER, ARRAY, ARRAY).build(),
        FunctionSpec.builder("XIRR", CashFlows::xirr).args(ARRAY, ARRAY).skippableArg(NUMBER, 0.1).build(),
        FunctionSpec.builder("FVSCHEDULE", CashFlows::fvSchedule).args(NUMBER, ARRAY).build());
  }

  /** IPMT, PPMT(rate, per, nper, pv, [fv=0], [type=0]). */
  private static FunctionSpec perPeriod(String name, FunctionSpec.Body body) {
    return FunctionSpec.builder(name, body).arg(Per.RATE, NUMBER).arg(Per.PER, NUMBER).arg(Per.NPER, NUMBER)
        .arg(Per.PV, NUMBER).optionalArg(Per.FV, NUMBER, 0).optionalArg(Per.TYPE, NUMBER, 0).build();
  }

  /** CUMIPMT (interest) and CUMPRINC(rate, nper, pv, start_period, end_period, type). */
  private static FunctionSpec cumulative(String name, boolean interest) {
    FunctionSpec.Builder b = FunctionSpec.builder(name, a -> TimeValue.cumulative(a, interest));
    for (Cumulative p : Cumulative.values()) {
      b.arg(p, NUMBER);
    }
    return b.build();
  }
}
