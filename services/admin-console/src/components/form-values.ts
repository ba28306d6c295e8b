/** Comma-separated text as a list: each item trimmed, empty ones left out (the API checks the rest). */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A number as typed, or absent when the field is empty (the API says what is wrong with the rest). */
export function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
