// XML text safety shared by the SVG charts and the XLSX export: labels come
// from user input and may hold markup or control characters.

// Characters XML 1.0 cannot carry at all (escaping does not help); they only come from pasted input.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML, "");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

// Safe both as element text and inside a double- or single-quoted attribute: `<script>` comes out as text.
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
