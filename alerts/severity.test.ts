import { describe, expect, it } from 'vitest';
import { severityOf } from './severity.ts';

describe('severityOf', () => {
  it('rises with the score', () => {
    expect(severityOf({ score: 0.6, goods: null, daysLeft: null })).toBe('low');
    expect(severityOf({ score: 0.8, goods: null, daysLeft: null })).toBe('medium');
    expect(severityOf({ score: 0.95, goods: null, daysLeft: null })).toBe('high');
  });
  it('weighs goods: related up one level, unrelated down one', () => {
    expect(severityOf({ score: 0.8, goods: 1, daysLeft: null })).toBe('high');
    expect(severityOf({ score: 0.8, goods: 0, daysLeft: null })).toBe('low');
  });
  it('raises a conflict in a planned market one level', () => {
    expect(severityOf({ score: 0.8, goods: null, daysLeft: null, inPlannedMarket: true })).toBe('high');
  });
  it('makes a window about to close urgent, but not one already closed', () => {
    expect(severityOf({ score: 0.6, goods: 0, daysLeft: 2 })).toBe('critical');
    expect(severityOf({ score: 0.6, goods: null, daysLeft: 10 })).toBe('high');
    expect(severityOf({ score: 0.6, goods: null, daysLeft: -5 })).toBe('low');
  });
});
