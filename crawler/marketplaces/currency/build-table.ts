/**
 * Regenerates `currency-table.json` from maintained data instead of a hand list:
 * - symbols and their local variants (narrow, variant) from every CLDR locale (`cldr-numbers-full`),
 *   each counted by how many locales use it for a currency, so "$" or "¥" keep all their currencies;
 * - active ISO 4217 codes, names and minor units from `currency-codes`;
 * - each country's currency from `country-to-currency` (ISO 3166-1 alpha-2 → ISO 4217).
 * Run `npm run currency:table` after upgrading any of the three packages (dev dependencies only).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import countryToCurrency from 'country-to-currency';

const require = createRequire(import.meta.url);
const currencyCodes = require('currency-codes') as {
  codes: () => string[];
  code: (code: string) => { digits: number; currency: string } | undefined;
};
const cldrMain = path.join(path.dirname(require.resolve('cldr-numbers-full/package.json')), 'main');
const cldrVersion = (require('cldr-numbers-full/package.json') as { version: string }).version;

type CldrCurrency = Record<string, string | undefined>;
const active = new Set(currencyCodes.codes());
const symbols = new Map<string, Map<string, number>>();
for (const locale of readdirSync(cldrMain)) {
  let file: string;
  try {
    file = readFileSync(path.join(cldrMain, locale, 'currencies.json'), 'utf8');
  } catch {
    continue; // a locale without currency names
  }
  const main = (
    JSON.parse(file) as { main: Record<string, { numbers: { currencies: Record<string, CldrCurrency> } }> }
  ).main;
  const currencies = Object.values(main)[0]?.numbers.currencies ?? {};
  for (const [code, entry] of Object.entries(currencies)) {
    if (!active.has(code)) continue; // historical codes (EEK, VEF) would only add false candidates
    for (const key of ['symbol', 'symbol-alt-narrow', 'symbol-alt-variant', 'symbol-alt-formal']) {
      const symbol = entry[key]?.trim();
      // Zero-width and generic signs ("¤") mark no currency in particular.
      if (!symbol || symbol === code || symbol === '¤' || !/[\p{L}\p{Sc}]/u.test(symbol)) continue;
      const counts = symbols.get(symbol) ?? new Map<string, number>();
      counts.set(code, (counts.get(code) ?? 0) + 1);
      symbols.set(symbol, counts);
    }
  }
}

const table = {
  source: `cldr-numbers-full ${cldrVersion}; currency-codes; country-to-currency (see build-table.ts)`,
  codes: Object.fromEntries(
    [...active].sort().map((code) => {
      const info = currencyCodes.code(code);
      return [code, { digits: info?.digits ?? 2, name: info?.currency ?? code }];
    }),
  ),
  symbols: Object.fromEntries(
    [...symbols.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([symbol, counts]) => [symbol, [...counts.entries()].sort((a, b) => b[1] - a[1])]),
  ),
  countries: Object.fromEntries(
    Object.entries(countryToCurrency as Record<string, string>).sort(([a], [b]) => a.localeCompare(b)),
  ),
};
writeFileSync(path.join(import.meta.dirname, 'currency-table.json'), JSON.stringify(table) + '\n');
process.stdout.write(
  `currency-table.json: ${Object.keys(table.codes).length} codes, ${symbols.size} symbols, ${Object.keys(table.countries).length} countries\n`,
);
