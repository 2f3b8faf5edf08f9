import { describe, expect, it } from 'vitest';
import { oppositionPublicationDate } from './publication.ts';

describe('oppositionPublicationDate', () => {
  it('takes the part A publication, not the later part B registration notice', () => {
    const date = oppositionPublicationDate([
      { identifier: '2019/040', section: 'B.1', date: '2019-06-10' },
      { identifier: '2019/010', section: 'A.1', date: '2019-01-15' },
    ]);
    expect(date).toBe('2019-01-15');
  });

  it('takes a publication without a section (USPTO Official Gazette)', () => {
    expect(oppositionPublicationDate([{ identifier: 'OG', section: null, date: '2003-12-30' }])).toBe(
      '2003-12-30',
    );
  });

  it('gives null when only a registration publication is known', () => {
    expect(
      oppositionPublicationDate([{ identifier: '2019/040', section: 'B.1', date: '2019-06-10' }]),
    ).toBeNull();
  });
});
