// A small well-formedness check for the SVG tests: one root, balanced tags,
// quoted unique attributes, no raw "<" in text or attributes, only known entities.
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<[^>]*>|[^<]+/g;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAME = /^[A-Za-z_][\w:.-]*$/;

function checkText(text: string, where: string): void {
  if (text.includes("<")) throw new Error(`raw "<" in ${where}`);
  if (text.replace(ENTITY, "").includes("&")) throw new Error(`bare "&" in ${where}: ${text.slice(0, 60)}`);
}

function checkAttributes(source: string, tag: string): void {
  const seen = new Set<string>();
  let rest = source;
  while (rest.trim() !== "") {
    const m = /^\s+([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(rest);
    if (!m) throw new Error(`bad attributes in <${tag}>: ${rest.slice(0, 60)}`);
    if (seen.has(m[1])) throw new Error(`duplicate attribute ${m[1]} in <${tag}>`);
    seen.add(m[1]);
    checkText(m[2] ?? m[3], `attribute ${m[1]} of <${tag}>`);
    rest = rest.slice(m[0].length);
  }
}

/** Throws on the first problem; returns the element names in document order. */
export function checkWellFormed(xml: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  let roots = 0;
  for (const token of xml.match(TOKEN) ?? []) {
    if (token.startsWith("<!--") || token.startsWith("<?")) continue;
    if (!token.startsWith("<")) {
      if (stack.length === 0 && token.trim() !== "") throw new Error("text outside the root");
      checkText(token, "text");
      continue;
    }
    const close = /^<\/([^\s>]+)\s*>$/.exec(token);
    if (close) {
      if (stack.pop() !== close[1]) throw new Error(`unbalanced </${close[1]}>`);
      continue;
    }
    const open = /^<([^\s/>]+)([\s\S]*?)(\/?)>$/.exec(token);
    if (!open || !NAME.test(open[1])) throw new Error(`bad tag ${token.slice(0, 60)}`);
    checkAttributes(open[2], open[1]);
    if (stack.length === 0 && ++roots > 1) throw new Error("more than one root");
    names.push(open[1]);
    if (open[3] !== "/") stack.push(open[1]);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) throw new Error("no root element");
  return names;
}
