import { searchTokens, weightedTokens } from './search-tokens';

describe('search tokens', () => {
  it('lower-cases, removes accents, splits, drops stop words and repeats', () => {
    expect(
      searchTokens('Microcrédit et travail des enfants: the Child-Labour effects of MICROCREDIT'),
    ).toEqual(['microcredit', 'travail', 'enfants', 'child', 'labour', 'effects']);
    expect(searchTokens('  ')).toEqual([]);
  });

  it('weighs title over tags over summary', () => {
    const weights = weightedTokens({
      title: 'Youth savings groups',
      summary: 'Savings of young workers in Ghana',
      tags: ['ghana', 'youth'],
    });
    expect(Object.fromEntries(weights)).toEqual({
      youth: 3,
      savings: 3,
      groups: 3,
      ghana: 2,
      young: 1,
      workers: 1,
    });
  });
});
