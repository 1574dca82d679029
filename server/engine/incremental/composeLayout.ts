// Where each service of a compose file is written, found from indentation
// alone (no YAML parse): the blocks the incremental parser re-parses one at a
// time. Only the plain layout everyone writes is recognised (a block
// `services:` key at column 0, services at one indentation); anything else
// gives null, and the file is always parsed whole.

export interface ServiceBlock {
  /** Start of the service's key line. */
  start: number;
  /** Start of the next service's key line, or the end of the services. */
  end: number;
  /** End of the key line (its line break or the end of the text). */
  keyLineEnd: number;
}

export interface ServicesLayout {
  /** Indentation of the service keys. */
  indent: number;
  blocks: ServiceBlock[];
}

const SERVICES_KEY = /^services[ \t]*:[ \t]*(#.*)?\r?$/;

export function servicesLayout(text: string): ServicesLayout | null {
  let servicesLine = -1;
  let indent = -1;
  const blocks: ServiceBlock[] = [];
  let inServices = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const content = line.trimStart();
    const lineIndent = line.length - content.length;
    const blank = content === '' || content === '\r';
    const comment = content.startsWith('#');
    if (!blank && !comment && /\t/.test(line.slice(0, lineIndent))) return null;
    if (!blank && !comment && lineIndent === 0) {
      if (inServices) closeLast(blocks, lineStart);
      inServices = false;
      if (SERVICES_KEY.test(line)) {
        if (servicesLine >= 0) return null; // two `services:` keys: which one wins is the parser's business
        servicesLine = lineStart;
        inServices = true;
      }
    } else if (inServices && !blank && !comment) {
      if (indent < 0) indent = lineIndent;
      if (lineIndent === indent) {
        closeLast(blocks, lineStart);
        blocks.push({ start: lineStart, end: -1, keyLineEnd: lineEnd });
      } else if (lineIndent < indent) {
        return null;
      }
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (inServices) closeLast(blocks, text.length);
  if (servicesLine < 0 || indent <= 0) return null;
  return { indent, blocks };
}

function closeLast(blocks: ServiceBlock[], end: number): void {
  const last = blocks[blocks.length - 1];
  if (last && last.end < 0) last.end = end;
}

/**
 * Whether `blockText` (one service's block after an edit, its key line
 * unchanged) is still one service: no line after the key line reaches the
 * service indentation or column 0 (comments and blank lines aside), and no
 * tab indents a line.
 */
export function staysOneService(blockText: string, indent: number): boolean {
  const lines = blockText.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const content = line.trimStart();
    if (content === '' || content === '\r' || content.startsWith('#')) continue;
    const lineIndent = line.length - content.length;
    if (lineIndent <= indent || /\t/.test(line.slice(0, lineIndent))) return false;
  }
  return true;
}
