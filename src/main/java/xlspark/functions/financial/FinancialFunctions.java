package xlspark.functions.financial;

import static xlspark.functions.ArgKind.ARRAY;
import static xlspark.functions.ArgKind.BOOLEAN;
import static xlspark.functions.ArgKind.NUMBER;

import java.util.List;
import xlspark.functions.FunctionSpec;

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
        FunctionSpec.builder("NPER", TimeValue::nper).args(NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 0)
            .optionalArg(NUMBER, 0).build(),
        FunctionSpec.builder("RATE", TimeValue::rate).args(NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 0)
            .optionalArg(NUMBER, 0).skippableArg(NUMBER, 0.1).build(),
        FunctionSpec.builder("IPMT", TimeValue::ipmt).args(NUMBER, NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 0)
            .optionalArg(NUMBER, 0).build(),
        FunctionSpec.builder("PPMT", TimeValue::ppmt).args(NUMBER, NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 0)
            .optionalArg(NUMBER, 0).build(),
        FunctionSpec.builder("CUMIPMT", a -> TimeValue.cumulative(a, true))
            .args(NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("CUMPRINC", a -> TimeValue.cumulative(a, false))
            .args(NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("ISPMT", TimeValue::ispmt).args(NUMBER, NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("EFFECT", TimeValue::effect).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("NOMINAL", TimeValue::nominal).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("PDURATION", TimeValue::pduration).args(NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("RRI", TimeValue::rri).args(NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("DOLLARDE", a -> TimeValue.dollar(a, true)).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("DOLLARFR", a -> TimeValue.dollar(a, false)).args(NUMBER, NUMBER).build(),
        FunctionSpec.builder("SLN", Depreciation::sln).args(NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("SYD", Depreciation::syd).args(NUMBER, NUMBER, NUMBER, NUMBER).build(),
        FunctionSpec.builder("DB", Depreciation::db).args(NUMBER, NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 12)
            .build(),
        FunctionSpec.builder("DDB", Depreciation::ddb).args(NUMBER, NUMBER, NUMBER, NUMBER).optionalArg(NUMBER, 2)
            .build(),
        FunctionSpec.builder("VDB", Depreciation::vdb).args(NUMBER, NUMBER, NUMBER, NUMBER, NUMBER)
            .skippableArg(NUMBER, 2).optionalArg(BOOLEAN, false).build(),
        FunctionSpec.builder("NPV", CashFlows::npv).arg(NUMBER).arg(ARRAY).repeating(ARRAY, 255).build(),
        FunctionSpec.builder("IRR", CashFlows::irr).arg(ARRAY).skippableArg(NUMBER, 0.1).build(),
        FunctionSpec.builder("MIRR", CashFlows::mirr).args(ARRAY, NUMBER, NUMBER).build(),
        FunctionSpec.builder("XNPV", CashFlows::xnpv).args(NUMBER, ARRAY, ARRAY).build(),
        FunctionSpec.builder("XIRR", CashFlows::xirr).args(ARRAY, ARRAY).skippableArg(NUMBER, 0.1).build(),
        FunctionSpec.builder("FVSCHEDULE", CashFlows::fvSchedule).args(NUMBER, ARRAY).build());
  }
}
