// The API's field messages as a person reads them: the platform validates
// with class-validator, whose rules read "must be longer than or equal to 1
// characters" or "must be one of the following values: a, b"; beside a field
// they read "Required" and "Choose one of: A, B". A field's dotted path
// ('requester.email') reads as words when no input shows it.
import { label, sentence } from './format';

const RULES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^is required\b.*$/, () => 'Required'],
  [
    /^must be longer than or equal to (\d+) characters?$/,
    (m) => (m[1] === '1' ? 'Required' : `At least ${m[1]} characters`),
  ],
  [/^must be shorter than or equal to (\d+) characters?$/, (m) => `At most ${m[1]} characters`],
  [/^must not be less than (\S+)$/, (m) => `At least ${m[1]}`],
  [/^must not be greater than (\S+)$/, (m) => `At most ${m[1]}`],
  [
    /^must be one of the following values: (.*)$/,
    (m) =>
      `Choose one of: ${(m[1] ?? '')
        .split(/,\s*/)
        .map((v) => label(v))
        .join(', ')}`,
  ],
  [/^must be an email$/, () => 'Not an email address: write it as name@example.org'],
  [/^must be a valid ISO 8601 date string$/, () => 'Enter a date, e.g. 2026-03-31'],
  [/^must be a URL address$/, () => 'Enter a web address, e.g. https://example.org'],
  [/^must be an integer number$/, () => 'Enter a whole number'],
  [/^must be a number conforming to the specified constraints$/, () => 'Enter a number'],
  [/^must match .+ regular expression$/, () => 'Not in the expected form'],
  [/^should not be empty$/, () => 'Required'],
  [/^expected (.+), got (.+)$/, (m) => `Expected ${m[1]}, not ${m[2]}`],
];

/** One message of the API as a sentence for the field's reader. */
export function readableMessage(message: string): string {
  const text = message.trim();
  for (const [pattern, words] of RULES) {
    const match = pattern.exec(text);
    if (match) return words(match);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A field's dotted path as words: 'requester.email' → 'Requester › Email', '(body)' → 'The request'. */
export function fieldName(field: string): string {
  if (field === '(body)' || field === '') return 'The request';
  return field
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `item ${Number(part) + 1}` : sentence(part)))
    .join(' › ');
}
