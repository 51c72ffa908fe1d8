/** Characters XML 1.0 cannot carry even escaped (controls, lone surrogates, U+FFFE/FFFF). */
const INVALID_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an XML attribute or element; characters XML cannot carry become U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `<name a="1" b="x"` with escaped values; attributes whose value is undefined are left out. */
export function openTag(name: string, attributes: Record<string, string | number | undefined>): string {
  let out = `<${name}`;
  for (const [k, v] of Object.entries(attributes)) {
    if (v !== undefined) out += ` ${k}="${escapeXml(String(v))}"`;
  }
  return out;
}
