import { marketOffice, type PlanMarketInputValue } from './plan-schemas.ts';
import type { PlanMarket } from './types.ts';

/** Validated API input → the stored market shape, with each market's office resolved. */
export function marketsFromInput(input: readonly PlanMarketInputValue[]): PlanMarket[] {
  return input.map((m) => {
    const office = marketOffice(m.market);
    if (!office) throw new Error(`market ${m.market} passed validation without an office`);
    return {
      market: m.market,
      office,
      targetEntryDate: m.target_entry_date,
      channels: [...new Set(m.channels)],
      ownFilings: m.own_filings.map((f) => ({ office: f.office ?? office, serialNumber: f.serial_number })),
      priority: m.priority
        ? { homeCountry: m.priority.home_country, homeFilingDate: m.priority.home_filing_date }
        : null,
    };
  });
}

/** A plan's default name: its markets, e.g. "BR, ID". */
export const defaultPlanName = (markets: readonly PlanMarket[]): string =>
  markets.map((m) => m.market).join(', ');
