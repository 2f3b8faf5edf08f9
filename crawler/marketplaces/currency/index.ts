export {
  currencyCode,
  currencyForCountry,
  isCurrencyCode,
  minorDigits,
  normalizeCurrency,
  type CurrencyContext,
} from './resolve.ts';
