import type { OfficeCode } from '../offices.ts';
import { SATURDAY_SUNDAY } from './calendar-spec.ts';
import type { CalendarSpec } from './calendar-spec.ts';

/**
 * Each office's calendar: the library place of its seat, the holiday types it closes on, its weekend,
 * the closures its own law fixes, and what the office publishes. Sources checked for this table are
 * cited inline; everything else is the library's data, which deadlines say when it moved them.
 */

const INPIT_PERIODS = {
  citation:
    'INPIT FAQ on Patent Act Art. 3(2): a procedural period ending on a day listed in the Act on Holidays of Administrative Organs Art. 1(1) (Saturdays, Sundays, national holidays, 29 December to 3 January) ends on the next day; the term of a right is not extended',
  url: 'https://faq.inpit.go.jp/FAQ/2024/01/000151.html',
};

const KR_WORKERS_DAY = {
  citation:
    'Patent Act Art. 14(iv) as quoted in Supreme Court 2013Hu1573: a period ending on a public holiday, Workers\u2019 Day included, ends the next day',
  url: 'http://www.law.go.kr/precInfoP.do?mode=0&precSeq=172679',
};

export const CALENDAR_SPECS: Record<OfficeCode, CalendarSpec> = {
  USPTO: {
    seat: 'Alexandria, Virginia (37 CFR 2.196 counts Federal holidays within the District of Columbia)',
    place: { country: 'US' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    statutory: [
      {
        kind: 'us-federal',
        source: {
          citation:
            '5 U.S.C. 6103(b)-(c) and Executive Order 11582: Federal holidays, in-lieu days and Inauguration Day in D.C. (rules.json CORRECTION 2026-11)',
          url: null,
        },
      },
    ],
    decision:
      'US Federal holidays (5 U.S.C. 6103) from the library, with every in-lieu day and Inauguration Day computed from the statute as well: the library misses the Friday in-lieu day of a Saturday Veterans Day (10 November 2023, 2028), and Inauguration Day is a closed day under 37 CFR 2.196 because it is a Federal holiday within D.C. State and D.C. holidays (D.C. Emancipation Day) are not Federal holidays and do not count.',
    officeList:
      'The USPTO announces whole-day closures (treated as Federal holidays, rules.json) one by one; none is loaded: add them as ad hoc closures.',
  },
  EUIPO: {
    seat: 'Alicante, Comunitat Valenciana, Spain',
    place: { country: 'ES', state: 'VC' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'Public holidays of the Valencian Community from the library, as the nearest public calendar to the Office. The Office\u2019s own closing days are fixed each year by a decision of the Executive Director (EUTMR Art. 101, rules.json) and can differ.',
    officeList:
      'NOT LOADED: the Executive Director\u2019s decision on the closing days was not found in the sources searched; every EUIPO deadline moved by a holiday is flagged library-holiday. Add the decision\u2019s days as ad hoc closures.',
  },
  UKIPO: {
    seat: 'Newport, Wales',
    place: { country: 'GB', state: 'WLS' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'Bank holidays of England and Wales (the same list), substitute days included, which are the "excluded days" of TMA 1994 s.80 and the Registrar\u2019s Directions besides weekends.',
    officeList:
      'The IPO follows the GOV.UK bank holiday list; not loaded separately. Checked against a patent firm\u2019s list of UKIPO closing days for 2026 (secondary).',
  },
  CNIPA: {
    seat: 'Beijing',
    place: { country: 'CN' },
    types: ['public'],
    exclude: {
      names: /妇女节|青年节|儿童节|建军节/,
      why: 'holidays for part of the population only (women, youth, children, the army): government offices stay open',
    },
    weekend: SATURDAY_SUNDAY,
    decision:
      'The State Council\u2019s yearly holiday arrangement decides, including the weekend days that are working days (调休); where it is loaded it replaces the library. For other years the library gives only the statutory days, without the bridging days and working weekends.',
    officeList:
      'General Office of the State Council notice on the 2026 holidays (published 4 Nov 2025) loaded; the 2027 notice was not found.',
  },
  JPO: {
    seat: 'Tokyo',
    place: { country: 'JP' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    statutory: [
      {
        kind: 'fixed',
        month: 12,
        day: 29,
        name: 'year-end closure of administrative organs',
        source: INPIT_PERIODS,
      },
      {
        kind: 'fixed',
        month: 12,
        day: 30,
        name: 'year-end closure of administrative organs',
        source: INPIT_PERIODS,
      },
      {
        kind: 'fixed',
        month: 12,
        day: 31,
        name: 'year-end closure of administrative organs',
        source: INPIT_PERIODS,
      },
      {
        kind: 'fixed',
        month: 1,
        day: 2,
        name: 'new-year closure of administrative organs',
        source: INPIT_PERIODS,
      },
      {
        kind: 'fixed',
        month: 1,
        day: 3,
        name: 'new-year closure of administrative organs',
        source: INPIT_PERIODS,
      },
    ],
    decision:
      'National holidays (with substitute holidays and the "citizens\u2019 holiday") from the library, plus 29 December to 3 January, the closing days of administrative organs that Patent Act Art. 3(2) refers to.',
    officeList: 'Closing days are fixed by statute; no yearly list is needed.',
  },
  KIPO: {
    seat: 'Daejeon',
    place: { country: 'KR' },
    types: ['public'],
    shift: {
      names: /^설날$/,
      days: -1,
      why: 'the Seollal holiday is the day before, the day of and the day after the lunar New Year; the library starts it on the New Year itself',
      source: {
        citation:
          'Korean public holidays 2026 from the Korea AeroSpace Administration almanac (설날 전날 2026-02-16), as published in holidays-kr public/2026.json',
        url: 'https://github.com/hyunbinseo/holidays-kr',
      },
    },
    weekend: SATURDAY_SUNDAY,
    statutory: [
      { kind: 'fixed', month: 5, day: 1, name: 'Workers\u2019 Day (근로자의 날)', source: KR_WORKERS_DAY },
    ],
    decision:
      'Public holidays with substitute days from the library, Seollal moved to start the day before the lunar New Year, plus Workers\u2019 Day, which the Patent Act counts as a holiday for periods.',
    officeList: 'The 2026 almanac list (election day 3 June included) is loaded; 2027 is library only.',
  },
  DJKI: {
    seat: 'Jakarta',
    place: { country: 'ID' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'National holidays and collective leave days (cuti bersama, on which government offices close) are fixed each year by a joint decree of three ministers; where it is loaded it replaces the library, whose Islamic dates are calculated.',
    officeList:
      'SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025 (holidays and cuti bersama 2026) loaded; 2027 not found.',
  },
  'INPI-BR': {
    seat: 'Rio de Janeiro (headquarters)',
    place: { country: 'BR', state: 'RJ' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    statutory: [
      {
        kind: 'fixed',
        month: 11,
        day: 20,
        name: 'Dia Nacional de Zumbi e da Consciência Negra',
        fromYear: 2024,
        source: {
          citation: 'Lei 14.759/2023: 20 November is a national holiday from 2024',
          url: 'https://www.correiobraziliense.com.br/politica/2023/12/6774046-lula-sanciona-lei-que-cria-o-feriado-do-dia-da-consciencia-negra.html',
        },
      },
    ],
    decision:
      'National holidays and the holidays of the State of Rio de Janeiro (Carnival Tuesday, São Jorge) from the library, plus 20 November (national since 2024, missing in the library). Federal "pontos facultativos" (Carnival Monday, Corpus Christi, Ash Wednesday morning) are not counted: INPI announces them yearly and they are not certain.',
    officeList:
      'NOT LOADED: INPI\u2019s yearly notice of days without business was not found; the city holiday of São Sebastião (20 January) is not counted either. Add them as ad hoc closures.',
  },
  IMPI: {
    seat: 'Mexico City',
    place: { country: 'MX' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'Statutory rest days (Ley Federal del Trabajo) from the library. Holy Thursday and Friday, 2 November and 12 December are left out: IMPI declares its días inhábiles by Acuerdo in the Diario Oficial each year.',
    officeList:
      'NOT LOADED: the 2026 Acuerdo on días inhábiles was not found (a December 2022 one was). Add the Acuerdo\u2019s days as ad hoc closures.',
  },
  IPINDIA: {
    seat: 'Mumbai (head office of the CGPDTM; registries in Delhi, Kolkata, Chennai, Ahmedabad)',
    place: { country: 'IN' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'National holidays from the library, shown for information only: IP India deadlines are never moved (rules.json caution on a 2025 Registrar order).',
    officeList: 'NOT LOADED: the central government holiday list of each registry city.',
  },
  IPOS: {
    seat: 'Singapore',
    place: { country: 'SG' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'Gazetted public holidays with the Monday after a Sunday holiday from the library; Saturdays are excluded days only where a time limit expires (Practice Direction 1/2009), as the weekend here.',
    officeList:
      'NOT LOADED: the Ministry of Manpower\u2019s yearly list was not found in the sources searched.',
  },
  MYIPO: {
    seat: 'Kuala Lumpur (Federal Territory)',
    place: { country: 'MY', state: '14' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    statutory: [
      {
        kind: 'sunday-replacement',
        source: {
          citation:
            'Holidays Act 1951 s.3 as applied by the Public Service Department (JPA) for Kuala Lumpur: a public holiday on the weekly rest day is replaced by the next day (2 Feb 2026 for 1 Feb 2026)',
          url: 'https://www.malaymail.com/news/malaysia/2026/01/08/civil-servants-in-kl-putrajaya-and-labuan-to-get-replacement-holiday-on-feb-2/204706',
        },
      },
    ],
    decision:
      'Federal and Federal Territory public holidays from the library, plus the replacement day after a Sunday holiday (one only, when two holidays fall on the same Sunday), which the library leaves out.',
    officeList:
      'The JPA notice on the 2 February 2026 replacement day is loaded; the full yearly gazette list was not found.',
  },
  IPOPHL: {
    seat: 'Taguig, Metro Manila',
    place: { country: 'PH' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'Regular holidays from the library. Special non-working days are proclaimed each year and were not found for 2026; they are not counted (the date stays earlier) until added as ad hoc closures.',
    officeList: 'NOT LOADED: the yearly Proclamation of regular holidays and special non-working days.',
  },
  DIP: {
    seat: 'Nonthaburi (Bangkok)',
    place: { country: 'TH' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'Public holidays from the library, plus special holidays the Cabinet adds. The library has no Buddhist lunar holidays for 2027 and no substitution days: 2027 DIP dates can be early.',
    officeList:
      'Cabinet holidays for 2026 (including the special holiday of 2 January) loaded from a news report of the resolution.',
  },
  NOIP: {
    seat: 'Hanoi',
    place: { country: 'VN' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'Public holidays from the library, plus the Tết and New Year arrangements the Ministry of Home Affairs announces for civil servants (with the Saturdays swapped into working days).',
    officeList:
      'Ministry of Home Affairs notice 9441/TB-BNV (Tết 2026) and Government Office letter 12729/VPCP-KGVX (New Year 2026) loaded.',
  },
  SAIP: {
    seat: 'Riyadh',
    place: { country: 'SA' },
    types: ['public'],
    weekend: [
      {
        days: [5, 6],
        source: {
          citation:
            'Friday and Saturday are the official weekend in the Kingdom (report on the 2024 Eid al-Fitr holiday)',
          url: 'https://madhyamamonline.com/amp/middle-east/saudi-arabia/saudi-arabia-announces-4-day-holiday-for-eid-al-fitr-1271416',
        },
      },
    ],
    decision:
      'Friday and Saturday weekend; Founding Day, National Day and the two Eids from the library. The Eid dates are calculated, while the government fixes them by moon sighting and gives civil servants 4 to 5 working days: check the announcement.',
    officeList: 'NOT LOADED: the yearly Eid circulars.',
  },
  'AE-MOE': {
    seat: 'Abu Dhabi / Dubai (federal ministry)',
    place: { country: 'AE' },
    types: ['public'],
    exclude: {
      names: /الإسراء والمعراج|اليوم الأول من رمضان/,
      why: 'not in the Cabinet\u2019s unified list of official holidays (since 2019): Isra and Mi\u2019raj and the first day of Ramadan are working days',
    },
    weekend: [
      { days: [5, 6], source: { citation: 'federal weekend before 2022', url: null } },
      {
        days: [6, 0],
        from: '2022-01-01',
        source: {
          citation:
            'WAM: federal government weekend moved to Saturday and Sunday from 1 January 2022 (Friday afternoon off)',
          url: 'https://www.zawya.com/en/life/uae-announces-new-year-holiday-for-public-sector-seeqfxpi',
        },
      },
    ],
    statutory: [
      {
        kind: 'fixed',
        month: 12,
        day: 1,
        name: 'Commemoration Day',
        source: {
          citation: 'UAE Cabinet unified holidays: Commemoration Day 1 December, National Day 2-3 December',
          url: 'https://gulfnews.com/uae/uae-cabinet-approves-national-holidays-for-public-and-private-sector-1.1572516124110',
        },
      },
      {
        kind: 'fixed',
        month: 12,
        day: 3,
        name: 'National Day (second day)',
        source: {
          citation: 'UAE Cabinet unified holidays: Commemoration Day 1 December, National Day 2-3 December',
          url: 'https://gulfnews.com/uae/uae-cabinet-approves-national-holidays-for-public-and-private-sector-1.1572516124110',
        },
      },
    ],
    decision:
      'Saturday and Sunday weekend since 2022 (Friday and Saturday before); the Cabinet\u2019s list of official holidays: library days less Isra and Mi\u2019raj and the first of Ramadan, plus Commemoration Day and the second National Day. Islamic dates are calculated; the Cabinet confirms them by moon sighting.',
    officeList: 'NOT LOADED: the Cabinet\u2019s yearly confirmation of Islamic holiday dates.',
  },
  IPAUSTRALIA: {
    seat: 'Canberra (Phillip, ACT)',
    place: { country: 'AU', state: 'ACT' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'ACT public holidays (Canberra Day, Reconciliation Day included) from the library: the days the Canberra office is not open for business under TMA 1995 s.223A.',
    officeList:
      'The Director General declares the closed days each year in the Official Journal (2018 declaration seen: ACT holidays plus a Christmas close-down from 25 December to 1 January). The 2026 declaration was not found: the close-down is NOT loaded; a Commonwealth list of ACT holidays for 2026 (DFAT) confirms the holidays.',
  },
  CIPO: {
    seat: 'Gatineau, Quebec',
    place: { country: 'CA', state: 'QC' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    statutory: [
      {
        kind: 'fixed',
        month: 9,
        day: 30,
        name: 'National Day for Truth and Reconciliation',
        fromYear: 2021,
        weekendMovesToMonday: true,
        source: {
          citation:
            'Trademarks Regulations prescribed day: "September 30 or, if September 30 falls on a Saturday or Sunday, the following Monday"',
          url: 'https://www.ippractice.ca/2023/09/national-day-for-truth-and-reconciliation/',
        },
      },
    ],
    decision:
      'Federal and Quebec holidays from the library (documents are deemed delivered in Gatineau, CIPO practice notice on statutory holidays), plus 30 September. Easter Monday, Civic Holiday, Remembrance Day and Boxing Day, federal public-service holidays, are not counted: they were not verified as prescribed days here.',
    officeList: 'CIPO\u2019s record of unexpected closures (2017, 2022) is loaded as ad hoc closures.',
  },
  TURKPATENT: {
    seat: 'Ankara',
    place: { country: 'TR' },
    types: ['public'],
    weekend: SATURDAY_SUNDAY,
    decision:
      'Official and religious holidays from the library; the afternoon of a bayram eve is a half day, so the office is open that day and it is not counted.',
    officeList: 'NOT LOADED: the Presidency\u2019s circulars adding administrative leave days.',
  },
  WIPO: {
    seat: 'Geneva',
    place: { country: 'CH', state: 'GE' },
    types: ['public'],
    exclude: {
      names: /Fête nationale/,
      why: 'the International Bureau stays open on 1 August (absent from its published closed days of 2017 and 2019, both weekdays)',
    },
    weekend: SATURDAY_SUNDAY,
    decision:
      'Geneva public holidays less 1 August: the days the International Bureau publishes as closed (PCT Rule 80.5 lists of 2017 and 2019 loaded). Bridging days vary each year.',
    officeList:
      'The IB\u2019s closed days for 2017 and 2019 (PCT Newsletter) are loaded; 2026 and 2027 were not found.',
  },
};
