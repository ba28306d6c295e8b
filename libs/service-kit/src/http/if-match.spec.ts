import { expectedVersionFromIfMatch, IF_MATCH_PATTERN } from './if-match';

describe('If-Match', () => {
  it('reads the version of an ETag, quoted or not, weak or not', () => {
    expect(expectedVersionFromIfMatch('"3"')).toBe(3);
    expect(expectedVersionFromIfMatch('W/"12"')).toBe(12);
    expect(expectedVersionFromIfMatch(' 7 ')).toBe(7);
    expect(expectedVersionFromIfMatch(undefined)).toBeUndefined();
  });

  it('refuses an empty or malformed header with 400 INVALID_IF_MATCH, as its documented pattern does', () => {
    for (const header of ['', ' ', 'banana', '"٣"', '*', '"1", "2"', 'W/']) {
      expect(() => expectedVersionFromIfMatch(header)).toThrow(
        expect.objectContaining({
          response: expect.objectContaining({ code: 'INVALID_IF_MATCH' }),
        }),
      );
      expect(IF_MATCH_PATTERN.test(header.trim())).toBe(false);
    }
  });
});
