/** Reading the objects fast-xml-parser makes of feed XML: an element is a string (text only),
 *  an object (attributes under "@_name", text under "#text", children by local name) or, for
 *  names that may repeat, an array of those. Pure. */

/** An element as fast-xml-parser gives it. */
export type XmlValue = string | number | boolean | XmlObject | XmlValue[] | null | undefined;
/** An element with attributes or children. */
export interface XmlObject { [name: string]: XmlValue }

/** The first of a repeated element, or the element itself. */
export function first(value: XmlValue): XmlValue {
  return Array.isArray(value) ? value[0] : value;
}

/** Every occurrence of an element (none -> []). */
export function all(value: XmlValue): XmlValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** An element's own text (its "#text" when it has attributes); null when it has none. */
export function textOf(value: XmlValue): string | null {
  const v = first(value);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) return textOf(v['#text']);
  return null;
}

/** An attribute of an element; null when it is missing. */
export function attrOf(value: XmlValue, name: string): string | null {
  const v = first(value);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const attr = v[`@_${name}`];
  return typeof attr === 'string' ? attr : null;
}

/** A child element of an object element; undefined when `value` is not one. */
export function child(value: XmlValue, name: string): XmlValue {
  const v = first(value);
  return v && typeof v === 'object' && !Array.isArray(v) ? v[name] : undefined;
}

/** All text inside an element, its children's included, each text run a paragraph: Atom's
 *  type="xhtml" content arrives as nested elements, and its words are what matters. */
export function deepText(value: XmlValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(deepText).filter(Boolean).join('\n\n');
  if (!value) return '';
  return Object.entries(value)
    .filter(([name]) => !name.startsWith('@_'))
    .map(([, v]) => deepText(v))
    .filter(Boolean)
    .join('\n\n');
}
