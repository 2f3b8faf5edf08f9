import { DEADLINE_FLAGS } from './deadline.ts';
import type { DeadlineSource } from './deadline.ts';
import type { OfficeCode } from './offices.ts';

/**
 * Markhound's reading of each office's `notes` and `weekend_rule` in rules.json: the counting
 * details that are prose there (corrections included) written down as data here, each with why.
 * Numbers (days, months, years) stay in rules.json; this file never repeats them.
 */

/** What happens when a deadline ends on a day the office is closed. */
export type HolidayHandling =
  /**
   * Move to the next day the office is open (its calendar: calendars/). `sources` back a rule that
   * rules.json leaves null and Markhound sourced itself; `termNotExtended`: the end of a term
   * (renewal) is not moved even though procedural periods are (JPO).
   */
  | { kind: 'roll'; basis: string; sources?: readonly DeadlineSource[]; termNotExtended?: string }
  /** Sourced advice not to rely on a roll: the date stays as counted. */
  | { kind: 'no-roll'; reason: string }
  /** weekend_rule is null: nothing invented, the date stays as counted and is flagged. */
  | { kind: 'unverified' };

export type AnchorEvent = 'filed' | 'registered';

export interface RenewalProfile {
  anchor: AnchorEvent;
  /**
   * The office's law makes the date of registration the filing date (TMA 1994 s.40(3), IP India),
   * so a registration date alone gives the term.
   */
  registrationDateIsFilingDate?: { basis: string; source: DeadlineSource };
  /** Set when rules.json does not say which date the term counts from. */
  assumedAnchorReason?: string;
  basis: string;
  /** CNIPA: validity ends the day before the anniversary and is not postponed for holidays. */
  termEnds?: 'day-before-anniversary';
  /** SAIP: the term is in Hijri years; months of the Gregorian approximation the rules give. */
  hijriApproximationMonths?: number;
  graceNote?: string;
  /** How early renewal can be filed, as the notes state it; absent where they do not. */
  windowOpensMonthsBefore?: number;
}

export interface UseDeclarationWindow {
  event: AnchorEvent;
  /** Months after the event the window opens; null when only an end is given. */
  opensAfterMonths: number | null;
  closesAfterMonths: number;
  rule: string;
  /** rules.json `supports` keys whose sources back this window. */
  supports: readonly string[];
  /** A late-filing grace after the window closes (USPTO: 6 months with surcharge). */
  graceMonths?: number;
  /** Only marks registered on or after this date need it (IMPI since 10 Aug 2018). */
  registeredOnOrAfter?: string;
}

export interface OfficeProfile {
  holidays: HolidayHandling;
  oppositionBasis: string;
  /** INPI-BR: the 60 days start on the first business day after the RPI (LPI Art. 223). */
  oppositionStartsNextBusinessDay?: boolean;
  /** The latest the opposition window can be pushed to, counted from publication. */
  oppositionExtendedMax?: { amount: number; unit: 'days' | 'months'; how: string };
  oppositionCaveat?: { flag: string; note: string };
  renewal?: RenewalProfile;
  useDeclarations?: readonly UseDeclarationWindow[];
  nonUse?: { extraMonths?: number; basis: string; caveat?: string };
}

const UNVERIFIED: HolidayHandling = { kind: 'unverified' };
const WEEKEND_ROLL = (basis: string, sources?: readonly DeadlineSource[]): HolidayHandling => ({
  kind: 'roll',
  basis,
  ...(sources ? { sources } : {}),
});

export const OFFICE_PROFILES: Record<OfficeCode, OfficeProfile> = {
  USPTO: {
    holidays: WEEKEND_ROLL('37 CFR 2.196: Saturdays, Sundays and Federal holidays within D.C.'),
    oppositionBasis: '15 U.S.C. 1063(a)',
    oppositionExtendedMax: {
      amount: 180,
      unit: 'days',
      how: 'extensions never reach beyond 180 days from publication (TBMP 207.03)',
    },
    renewal: { anchor: 'registered', basis: '15 U.S.C. 1059(a)', windowOpensMonthsBefore: 12 },
    useDeclarations: [
      {
        event: 'registered',
        opensAfterMonths: 60,
        closesAfterMonths: 72,
        rule: 'Section 8 declaration of use between the 5th and 6th year after registration (15 U.S.C. 1058)',
        supports: ['renewal_years'],
        graceMonths: 6,
      },
    ],
    nonUse: {
      basis: '15 U.S.C. 1127',
      caveat: 'only a secondary source was retrieved for the 3-year presumption',
    },
  },
  EUIPO: {
    // The notes' CORRECTION cites EUTMR Art. 101: periods expiring on closed days run to the next open day.
    holidays: WEEKEND_ROLL('EUTMR Art. 101: days the Office is closed'),
    oppositionBasis: 'EUTMR Art. 46(1)',
    renewal: { anchor: 'filed', basis: 'EUTMR Art. 53(3)', windowOpensMonthsBefore: 6 },
    nonUse: { basis: 'EUTMR Art. 58(1)(a)' },
  },
  UKIPO: {
    holidays: WEEKEND_ROLL('TMA 1994 s.80 excluded days'),
    // CORRECTION (2026-11): since 31 March 2013 the period ends on the same day-number.
    oppositionBasis: 'Trade Marks Rules 2008 r.17, as amended 2013',
    oppositionExtendedMax: {
      amount: 3,
      unit: 'months',
      how: 'only for whoever filed Form TM7A within the first 2 months',
    },
    renewal: {
      anchor: 'filed',
      registrationDateIsFilingDate: {
        basis:
          'TMA 1994 s.40(3): a mark is registered as of the date of filing, which is its date of registration',
        source: {
          citation:
            'TMA 1994 s.40(3) (UK text not retrieved; the Irish Trade Marks Act 1996 s.45(3), which has the same words, was)',
          url: 'https://www.irishstatutebook.ie/eli/1996/act/6/section/45/enacted/en/html',
        },
      },
      basis: 'TMA 1994 s.43',
      graceNote: 'late renewal with fee; restoration possible up to 12 months after expiry',
    },
    nonUse: { basis: 'TMA 1994 s.46(1)' },
  },
  CNIPA: {
    holidays: WEEKEND_ROLL('Implementing Regulations Art. 12: first working day after a legal holiday'),
    oppositionBasis: 'Trademark Law Art. 33',
    renewal: {
      anchor: 'registered',
      basis: 'Trademark Law Arts. 39-40; Implementing Regulations Art. 12 para. 2',
      termEnds: 'day-before-anniversary',
      windowOpensMonthsBefore: 12,
    },
    nonUse: { basis: 'Trademark Law Art. 49' },
  },
  JPO: {
    holidays: {
      kind: 'roll',
      basis: 'Patent Act Art. 3(2), applied to trade marks by Trademark Act Art. 77(1)',
      sources: [
        {
          citation:
            'INPIT FAQ: a procedural period ending on a closed day of administrative organs ends on the next day; the term of a right is not extended',
          url: 'https://faq.inpit.go.jp/FAQ/2024/01/000151.html',
        },
        {
          citation: 'Patent Act Art. 3 applies mutatis mutandis in the Trademark Act (commentary)',
          url: 'https://ja.wikibooks.org/wiki/%E7%89%B9%E8%A8%B1%E6%B3%95%E7%AC%AC3%E6%9D%A1',
        },
      ],
      termNotExtended:
        'The end of the term itself is not moved for a closed day (INPIT FAQ note 1): renew by this date.',
    },
    oppositionBasis: 'Trademark Act Art. 43bis, post-grant: counts from the gazette of the registered mark',
    renewal: {
      anchor: 'registered',
      basis: 'Trademark Act, 10 years from registration',
      windowOpensMonthsBefore: 6,
    },
    nonUse: { basis: 'Trademark Act Art. 50' },
  },
  KIPO: {
    holidays: UNVERIFIED,
    oppositionBasis: 'Trademark Act, 2 months from publication of the application',
    oppositionCaveat: {
      flag: DEADLINE_FLAGS.pendingChange,
      note: 'An amendment passed 27 Dec 2024 shortens the period to 30 days; its effective date is not confirmed. Check which period applies to this publication.',
    },
    renewal: {
      anchor: 'registered',
      basis: 'Trademark Act, 10 years from registration',
      windowOpensMonthsBefore: 12,
    },
    nonUse: { basis: 'Trademark Act Art. 119(1)(iii)' },
  },
  DJKI: {
    holidays: UNVERIFIED,
    oppositionBasis: 'Law 20/2016, 2-month publication before substantive examination',
    renewal: { anchor: 'filed', basis: 'Law 20/2016 Art. 35', windowOpensMonthsBefore: 6 },
    nonUse: { basis: 'Law 20/2016, 3 continuous years' },
  },
  'INPI-BR': {
    holidays: WEEKEND_ROLL('LPI Arts. 221-223: next business day'),
    oppositionBasis: 'LPI Arts. 222-223: counted from the first business day after the RPI',
    oppositionStartsNextBusinessDay: true,
    renewal: { anchor: 'registered', basis: 'LPI, 10 years from grant', windowOpensMonthsBefore: 12 },
    nonUse: { basis: 'LPI Art. 143' },
  },
  IMPI: {
    holidays: UNVERIFIED,
    oppositionBasis: 'Gaceta de la Propiedad Industrial publication, 1 month, non-extendable',
    renewal: {
      anchor: 'registered',
      assumedAnchorReason:
        'rules.json says "renewal every 10 years" without the date it counts from; the grant date is assumed',
      basis: 'Federal Law for the Protection of Industrial Property',
      windowOpensMonthsBefore: 6,
    },
    useDeclarations: [
      {
        event: 'registered',
        opensAfterMonths: 36,
        closesAfterMonths: 39,
        registeredOnOrAfter: '2018-08-10',
        rule: 'declaration of use within 3 months after the 3rd anniversary of grant (marks registered on or after 10 Aug 2018)',
        supports: ['notes'],
      },
    ],
    nonUse: { basis: '3 consecutive years of non-use' },
  },
  IPINDIA: {
    holidays: {
      kind: 'no-roll',
      reason:
        'rules.json CAUTION: a 2025 Registrar order treated a filing made the day after a Delhi public holiday as late, so no next-working-day roll is relied on.',
    },
    oppositionBasis: 'Trade Marks Act 1999 s.21(1)',
    renewal: {
      anchor: 'filed',
      registrationDateIsFilingDate: {
        basis: 'Trade Marks Act 1999: registration dates from the application date (rules.json notes)',
        source: {
          citation: 'rules.json IP India notes: "Registration dates from the application date"',
          url: null,
        },
      },
      basis: 'Trade Marks Act 1999, registration dates from the application date',
      graceNote: 'renewal with surcharge within 6 months after expiry; restoration within 1 year',
      windowOpensMonthsBefore: 12,
    },
    nonUse: {
      extraMonths: 3,
      basis:
        'Trade Marks Act 1999 s.47(1)(b): 5 years from entry on the register, up to 3 months before the application',
    },
  },
  IPOS: {
    holidays: WEEKEND_ROLL('IPOS Practice Direction 1/2009 excluded days'),
    oppositionBasis: 'Trade Marks Rules, 2 months after publication',
    oppositionExtendedMax: {
      amount: 4,
      unit: 'months',
      how: 'one 2-month extension filed within the first 2 months and served on the applicant',
    },
    renewal: { anchor: 'filed', basis: 'Trade Marks Act, 10 years from filing' },
    nonUse: { basis: 'Trade Marks Act, 5 years' },
  },
  MYIPO: {
    holidays: UNVERIFIED,
    oppositionBasis: 'Trademarks Act 2019 ss.34-35',
    oppositionExtendedMax: { amount: 4, unit: 'months', how: 'one further 2 months' },
    renewal: {
      anchor: 'filed',
      assumedAnchorReason:
        'rules.json gives the 10-year term without the date it counts from; the filing date is assumed',
      basis: 'Trademarks Act 2019',
      graceNote:
        'grace_months=12 is the RESTORATION window for a lapsed mark; a separate late-renewal window was not sourced',
    },
    nonUse: { basis: 'Trademarks Act 2019, 3 years' },
  },
  IPOPHL: {
    holidays: WEEKEND_ROLL('IPOPHL opposition rules: next working day'),
    oppositionBasis: 'IPOPHL opposition rules, 30 days from e-Gazette publication',
    oppositionExtendedMax: {
      amount: 75,
      unit: 'days',
      how: 'one 45-day extension only (Memorandum Circular 2022-013)',
    },
    renewal: {
      anchor: 'registered',
      assumedAnchorReason:
        'rules.json gives the 10-year term without the date it counts from; the registration date is assumed',
      basis: 'IP Code',
      windowOpensMonthsBefore: 6,
    },
    useDeclarations: [
      {
        event: 'filed',
        opensAfterMonths: null,
        closesAfterMonths: 36,
        rule: 'Declaration of Actual Use within 3 years from the filing date',
        supports: ['notes'],
      },
      {
        event: 'registered',
        opensAfterMonths: 60,
        closesAfterMonths: 72,
        rule: 'Declaration of Actual Use within 1 year from the 5th anniversary of registration',
        supports: ['notes'],
      },
    ],
    nonUse: { basis: 'IP Code, 3 consecutive years' },
  },
  DIP: {
    holidays: UNVERIFIED,
    oppositionBasis: 'Trademark Act B.E. 2534 s.35 as amended 2016',
    renewal: { anchor: 'filed', basis: 'Trademark Act B.E. 2534, 10 years from filing' },
    nonUse: {
      basis: 'Trademark Act B.E. 2534',
      caveat: 'the 3-year figure comes from a 2007 source, before the 2016 amendment',
    },
  },
  NOIP: {
    holidays: UNVERIFIED,
    oppositionBasis: 'IP Law 2005: no fixed window, opposition possible until the grant decision',
    renewal: { anchor: 'filed', basis: 'IP Law 2005, 10 years from filing' },
    nonUse: { basis: 'IP Law 2005, 5 consecutive years' },
  },
  SAIP: {
    holidays: UNVERIFIED,
    oppositionBasis: 'GCC Trademark Law, 60 days from the last Official Gazette publication',
    renewal: {
      anchor: 'filed',
      basis: 'GCC Trademark Law, 10 Hijri years from filing',
      hijriApproximationMonths: 9 * 12 + 8,
    },
    nonUse: { basis: 'GCC Trademark Law, 5 consecutive years' },
  },
  'AE-MOE': {
    holidays: UNVERIFIED,
    oppositionBasis: 'Executive Regulations (Cabinet Decision 57/2022) Art. 7',
    renewal: { anchor: 'filed', basis: 'Federal Decree-Law 36/2021 Art. 21' },
    nonUse: { basis: 'Federal Decree-Law 36/2021, 5 consecutive years' },
  },
  IPAUSTRALIA: {
    holidays: WEEKEND_ROLL('TMA 1995 s.223A: next day the Office is open for business', [
      {
        citation:
          'IP Australia declaration of days the Canberra office is not open for business (TMA 1995 s.223A close-down provision)',
        url: 'https://www.ipaustralia.gov.au/about-us/news-and-community/official-notice/declaration-public-holidays-2018',
      },
    ]),
    oppositionBasis: 'TMA 1995 s.52; TMR r.5.6',
    renewal: { anchor: 'filed', basis: 'TMA 1995 s.79' },
    nonUse: {
      extraMonths: 1,
      basis: 'TMA 1995 s.92(4)(b): 3 years ending 1 month before the removal application',
      caveat: 'marks filed before 24 Feb 2019 have an initial 5-year grace from filing',
    },
  },
  CIPO: {
    holidays: WEEKEND_ROLL('Trademarks Act s.66: next day that is not a prescribed or designated day', [
      {
        citation:
          'CIPO: time periods are extended to the next day that is not a prescribed or designated day and where CIPO is open to the public',
        url: 'https://ised-isde.canada.ca/site/canadian-intellectual-property-office/en/time-period-extensions-resulting-office-closures',
      },
    ]),
    oppositionBasis: 'Trademarks Act, 2 months after advertisement in the Trademarks Journal',
    renewal: {
      anchor: 'registered',
      assumedAnchorReason:
        'rules.json gives the 10-year term without the date it counts from; the registration date is assumed',
      basis: 'Trademarks Act s.46',
      windowOpensMonthsBefore: 6,
    },
    nonUse: { basis: 'Trademarks Act s.45' },
  },
  TURKPATENT: {
    holidays: UNVERIFIED,
    oppositionBasis: 'Industrial Property Law No. 6769',
    renewal: {
      anchor: 'filed',
      assumedAnchorReason:
        'rules.json gives the 10-year term without the date it counts from; the filing date is assumed',
      basis: 'Industrial Property Law No. 6769',
      windowOpensMonthsBefore: 6,
    },
    nonUse: { basis: 'Industrial Property Law No. 6769 Art. 9' },
  },
  WIPO: {
    holidays: WEEKEND_ROLL('Common Regulations rule on periods: next day the International Bureau is open'),
    oppositionBasis: "set by each designated office: use that office's code",
  },
};
