import { describe, expect, it } from 'vitest';
import { despachoCategory, formatVienna, inpiMarkKind, isPublication } from './codes.ts';
import { inpiDate } from './dates.ts';

describe('inpi-rpi code tables', () => {
  it('maps every presentation form and leaves unknown ones unknown', () => {
    expect(inpiMarkKind('Nominativa')).toBe('word');
    expect(inpiMarkKind('Figurativa')).toBe('figurative');
    expect(inpiMarkKind('Mista')).toBe('combined');
    expect(inpiMarkKind('Tridimensional')).toBe('three-dimensional');
    expect(inpiMarkKind('Posição')).toBe('position');
    expect(inpiMarkKind('Sonora')).toBe('unknown');
    expect(inpiMarkKind(undefined)).toBe('unknown');
  });

  it('categorises only despachos whose effect is certain', () => {
    expect(despachoCategory('IPAS009')).toBe('published');
    expect(despachoCategory('IPAS423')).toBe('opposed');
    expect(despachoCategory('IPAS158')).toBe('registered');
    expect(despachoCategory('IPAS024')).toBe('unknown');
    expect(isPublication('IPAS421')).toBe(true);
    expect(isPublication('IPAS158')).toBe(false);
  });

  it('reads dd/mm/yyyy dates and Vienna codes', () => {
    expect(inpiDate('19/08/2020')).toBe('2020-08-19');
    expect(inpiDate('31/04/2020')).toBeNull();
    expect(inpiDate('2020-08-19')).toBeNull();
    expect(formatVienna('27.5.1')).toBe('27.05.01');
    expect(formatVienna('A.1')).toBe('A.1');
  });
});
