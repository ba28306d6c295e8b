import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IatiFileError } from './iati-file.error';

/**
 * An element as the parser gives it: attributes under `@name`, text under
 * `#text`, each child element name → the list of its occurrences (in order).
 */
export interface XmlElement {
  [key: string]: XmlElement[] | string | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  alwaysCreateTextNode: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  htmlEntities: true,
});

/**
 * The document's root elements (name → occurrences) after checking it is
 * well-formed XML. A DOCTYPE is refused: IATI files have none, and its
 * entities could expand a small upload into a large one.
 */
export function readXml(xml: string): XmlElement {
  if (xml.trim() === '') {
    const message = 'The file is empty: send an IATI activity file';
    throw new IatiFileError('MALFORMED_XML', message, [{ field: '(body)', message }]);
  }
  const doctype = /<!DOCTYPE/i.exec(xml);
  if (doctype) {
    const line = xml.slice(0, doctype.index).split('\n').length;
    throw malformed(line, 1, 'declares a DOCTYPE, which an IATI activity file has none of');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err as { line: number; col?: number; msg: string };
    throw malformed(line, col, msg);
  }
  return parser.parse(xml) as XmlElement;
}

function malformed(line: number, column: number | undefined, what: string): IatiFileError {
  const where = column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
  const message = `The file is not well-formed XML: ${where}: ${what}`;
  return new IatiFileError(
    'MALFORMED_XML',
    message,
    [{ field: '(body)', message }],
    column === undefined ? { line } : { line, column },
  );
}

/** The occurrences of a child element (none: an empty list). */
export function childrenOf(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  return Array.isArray(value) ? value : [];
}

/** The first occurrence of a child element. */
export function childOf(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return childrenOf(element, name)[0];
}

/** An attribute's value, trimmed; undefined when absent or blank. */
export function attributeOf(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.[`@${name}`];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The element's own text, trimmed ('' when none). */
export function textOf(element: XmlElement | undefined): string {
  const value = element?.['#text'];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The text of an element's `narrative` children in the language wanted: the
 * one in `lang` (explicit, or the activity's default when it has none), else
 * the first; undefined when there is no narrative with text.
 */
export function narrativeOf(element: XmlElement | undefined, lang = 'en'): string | undefined {
  const narratives = childrenOf(element, 'narrative').filter((n) => textOf(n) !== '');
  const inLang = narratives.find((n) => (attributeOf(n, 'xml:lang') ?? lang) === lang);
  const chosen = inLang ?? narratives[0];
  return chosen ? textOf(chosen) : undefined;
}

/** A decimal number as IATI writes it (`1500000`, `12.5`); undefined for anything else. */
export function decimalOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return undefined;
  return Number(value);
}

/** An xsd:date (`2026-03-01`), undefined when it is not one. */
export function isoDateOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date
    ? date
    : undefined;
}
