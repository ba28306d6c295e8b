import { niceTicks } from './axis';
import { fieldName, readableMessage } from './field-messages';
import { formatChange, formatInUnit } from './format';

describe('the API field messages, in words', () => {
  it.each([
    ['must be longer than or equal to 1 characters', 'Required'],
    ['must be longer than or equal to 12 characters', 'At least 12 characters'],
    ['must be shorter than or equal to 200 characters', 'At most 200 characters'],
    ['is required (expected a string)', 'Required'],
    ['must be one of the following values: in-progress, nbfi', 'Choose one of: In progress, NBFI'],
    ['must be an email', 'Not an email address: write it as name@example.org'],
    ['must not be less than 0', 'At least 0'],
    ['expected a number, got a string', 'Expected a number, not a string'],
    ['must be an ISO 3166-1 alpha-2 code', 'Must be an ISO 3166-1 alpha-2 code'],
  ])('%s → %s', (message, words) => expect(readableMessage(message)).toBe(words));

  it('names a dotted field in words', () => {
    expect(fieldName('requester.email')).toBe('Requester › Email');
    expect(fieldName('entries.0.country')).toBe('Entries › item 1 › Country');
    expect(fieldName('(body)')).toBe('The request');
  });
});

describe('figures in their units', () => {
  it('writes a per cent as such, a change of one in points', () => {
    expect(formatInUnit(83.333, 'percent')).toBe('83.3 %');
    expect(formatChange(-2.5, 'percent')).toBe('−2.5 pts');
    expect(formatChange(3, 'count')).toBe('+3');
    expect(formatInUnit(1234, 'count')).toBe('1,234');
  });

  it('puts round ticks on an axis, covering its values', () => {
    expect(niceTicks(0.073, 0.121)).toEqual([0.06, 0.08, 0.1, 0.12, 0.14]);
    expect(niceTicks(0, 100)).toEqual([0, 50, 100]);
    expect(niceTicks(5, 5)).toEqual([5, 5]);
  });
});
