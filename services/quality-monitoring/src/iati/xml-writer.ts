/** An element to write: its name, attributes (undefined ones left out), and child elements or text. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string | undefined>;
  children: Array<XmlNode | string>;
}

/** `<name attr="…">children</name>`; a string child is text. */
export function element(
  name: string,
  attributes: Record<string, string | number | undefined> = {},
  ...children: Array<XmlNode | string | undefined | false>
): XmlNode {
  return {
    name,
    attributes: Object.fromEntries(
      Object.entries(attributes).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
    ),
    children: children.filter((c): c is XmlNode | string => c !== undefined && c !== false),
  };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** The element as indented XML (text-only elements on one line). */
export function serialise(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  if (!node.children.length) return `${pad}<${node.name}${attributes}/>`;
  if (node.children.every((c) => typeof c === 'string')) {
    return `${pad}<${node.name}${attributes}>${escapeText(node.children.join(''))}</${node.name}>`;
  }
  const inner = node.children
    .map((c) => (typeof c === 'string' ? `${pad}  ${escapeText(c)}` : serialise(c, depth + 1)))
    .join('\n');
  return `${pad}<${node.name}${attributes}>\n${inner}\n${pad}</${node.name}>`;
}

/** An XML document of one root element, UTF-8. */
export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root)}\n`;
}
