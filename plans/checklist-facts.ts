import type { MarketPriorityDeadline } from './priority-deadlines.ts';
import type { PlanMarket } from './types.ts';

/** What the checklist is computed from, gathered from the database by load-checklist-facts.ts. */

export interface ConflictFact {
  office: string;
  serialNumber: string;
  markText: string;
  applicants: string[];
  classes: number[];
  statusCategory: string;
  score: number;
  reasons: string[];
}

export interface MarkFacts {
  id: string;
  text: string;
  conflicts: ConflictFact[];
}

export interface OwnFilingFact {
  office: string;
  serialNumber: string;
  registrationNumber: string | null;
  statusCategory: string;
  filingDate: string | null;
  registrationDate: string | null;
  matchedBy: 'serial_number' | 'applicant_name';
}

export interface SourceFact {
  id: string;
  enabled: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
}

export interface OppositionFact {
  alertId: string;
  title: string;
  status: string;
  deadline: string;
  serialNumber: string | null;
  score: number;
}

export interface MarketFacts {
  market: PlanMarket;
  /** Filings of this office in the register: 0 means clearance had nothing to search. */
  registerSize: number;
  marks: MarkFacts[];
  ownFilings: OwnFilingFact[];
  /** The priority deadline at this market's office, rolled by its calendar (Paris Art. 4C(3)). */
  priorityDeadline: MarketPriorityDeadline | null;
  brandWatchesOffice: boolean;
  officeSources: SourceFact[];
  marketplaceWatches: string[];
  oppositions: OppositionFact[];
}

export interface PlanFacts {
  planId: string;
  brandId: string;
  /** YYYY-MM-DD in UTC. */
  today: string;
  now: Date;
  markets: MarketFacts[];
}
