import { describe, expect, it } from 'vitest';
import { markKindFromFeature, markKindFromUsptoDrawingCode } from './mark-kind.ts';
import { officeFromSt3 } from './office-code.ts';
import { statusCategoryOf } from './status-category.ts';

describe('markKindFromFeature', () => {
  it('reads ST.66 values and USPTO wording', () => {
    expect(markKindFromFeature('Word')).toBe('word');
    expect(markKindFromFeature('TYPESET WORD(S) /LETTER(S) /NUMBER(S)')).toBe('word');
    expect(markKindFromFeature('DESIGN PLUS WORDS, LETTERS, AND/OR NUMBERS')).toBe('combined');
    expect(markKindFromFeature('Figurative')).toBe('figurative');
    expect(markKindFromFeature('3-D')).toBe('three-dimensional');
    expect(markKindFromFeature('Colour')).toBe('colour');
    expect(markKindFromFeature('Hologram')).toBe('hologram');
    expect(markKindFromFeature('Olfactory')).toBe('other');
    expect(markKindFromFeature('Xyz')).toBe('unknown');
    expect(markKindFromFeature(null)).toBe('unknown');
  });

  it('reads USPTO drawing codes', () => {
    expect(markKindFromUsptoDrawingCode('1')).toBe('word');
    expect(markKindFromUsptoDrawingCode('3000')).toBe('combined');
    expect(markKindFromUsptoDrawingCode('9')).toBe('unknown');
  });
});

describe('statusCategoryOf', () => {
  it('maps only the USPTO codes it is sure of, leaving the rest unknown', () => {
    expect(
      statusCategoryOf(
        '702',
        'A Sections 8 and 15 combined declaration has been accepted and acknowledged.',
        'USPTO',
      ),
    ).toBe('registered');
    expect(statusCategoryOf('800', null, 'USPTO')).toBe('registered');
    expect(statusCategoryOf('686', null, 'USPTO')).toBe('published');
    expect(
      statusCategoryOf('641', 'A final Office action refusing registration has been sent', 'USPTO'),
    ).toBe('unknown');
  });

  it('reads EUIPO wording, with cancellation beating "registration"', () => {
    expect(statusCategoryOf('Registration cancelled', null, 'EUIPO')).toBe('dead');
    expect(statusCategoryOf('Application opposed', null, 'EUIPO')).toBe('opposed');
    expect(statusCategoryOf('Application published', null, 'EUIPO')).toBe('published');
    expect(statusCategoryOf('Application filed', null, 'EUIPO')).toBe('pending');
    expect(statusCategoryOf(null, null, 'EUIPO')).toBe('unknown');
  });
});

describe('officeFromSt3', () => {
  it("maps ST.3 codes to the one office id (core/offices.ts) and keeps other offices' codes", () => {
    expect(officeFromSt3('US', 'WIPO')).toBe('USPTO');
    expect(officeFromSt3('EM', 'WIPO')).toBe('EUIPO');
    expect(officeFromSt3('IB', 'WIPO')).toBe('WIPO');
    expect(officeFromSt3('br', 'WIPO')).toBe('INPI-BR');
    expect(officeFromSt3('MX', 'WIPO')).toBe('IMPI');
    expect(officeFromSt3('ID', 'WIPO')).toBe('DJKI');
    expect(officeFromSt3('DE', 'WIPO')).toBe('DE');
    expect(officeFromSt3(null, 'WIPO')).toBe('WIPO');
  });
});
