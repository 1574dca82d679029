// Whether one quick fix is safe to apply: it is applied the way an editor
// applies it (line/character positions through vscode-languageserver-textdocument),
// and then
// - every byte outside the edited ranges is unchanged (BOM, line endings,
//   trailing newline, own-line comments, YAML anchors, indentation style);
// - a text the consumer's parser read still reads;
// - re-linting shows no finding of the fixed rule at that place, and no fix
//   that would make the same edit again: applying the fix a second time is
//   impossible, so it changes nothing.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAlias, isNode, parseAllDocuments, visit } from 'yaml';
import { applyEdits, type TextEditAt } from '../../server/engine/fixes';
import type { Finding, LintOptions } from '../../server/engine/lint';
import type { FileKind, Span } from '../../server/engine/model';
import { checkLint, editProblems } from './engineInvariants';
import { realParseError } from './fileKinds';

export interface FixOutcome {
  /** The text after the fix, as an editor would produce it; null when the edits could not be applied. */
  fixed: string | null;
  problems: string[];
}

/** Where an offset of the text before the edits lands after them; inside an edited range it lands at the start (`side: 'start'`) or end of the new text. */
export function mapOffset(offset: number, edits: readonly TextEditAt[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.end <= offset && edit.start < offset) {
      delta += edit.newText.length - (edit.end - edit.start);
    } else if (edit.start < offset && offset < edit.end) {
      return edit.start + delta + (side === 'start' ? 0 : edit.newText.length);
    } else if (edit.start === offset && edit.end === offset && side === 'end') {
      // An insertion right at the end of the span extends it: the inserted text belongs to the place.
      delta += edit.newText.length;
    }
  }
  return offset + delta;
}

export function mapSpan(span: Span, edits: readonly TextEditAt[]): Span {
  return { start: mapOffset(span.start, edits, 'start'), end: mapOffset(span.end, edits, 'end') };
}

/**
 * Whether a finding's span lies at a place. An empty place (where a removal
 * was) holds only findings around that point, not the text that now follows it.
 */
function atPlace(span: Span, place: Span): boolean {
  if (place.start === place.end) return (span.start < place.start && place.start < span.end) || (span.start === place.start && span.end === place.start);
  if (span.start === span.end) return place.start <= span.start && span.start <= place.end;
  return span.start < place.end && place.start < span.end;
}

/** A message with its numbers (line numbers, counts) blanked, to recognise the same problem after lines moved. */
function sameProblem(a: string, b: string): boolean {
  return a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#');
}

/** Applies edits the way the editor does: offsets → positions → TextDocument.applyEdits. */
export function applyLikeEditor(text: string, edits: readonly TextEditAt[]): string {
  const document = TextDocument.create('file:///fix-safety', 'plaintext', 1, text);
  return TextDocument.applyEdits(
    document,
    edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText })),
  );
}

type LineEndings = 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';

export function lineEndingsOf(text: string): LineEndings {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
}

const COMMENT_LINE: Readonly<Record<FileKind, RegExp | null>> = {
  compose: /^[ \t]*#/,
  runner: /^[ \t]*#/,
  systemd: /^[ \t]*[#;]/,
  'docker-client': null,
  'docker-daemon': null,
  'env-file': /^[ \t]*#/,
};

function ownLineComments(kind: FileKind, text: string): string[] {
  const pattern = COMMENT_LINE[kind];
  if (!pattern) return [];
  return text.split(/\r?\n|\r/).filter((line) => pattern.test(line.replace(/^\uFEFF/, '')));
}

/** Anchor names and alias targets of a YAML text, in document order; null when it does not parse. */
function yamlAnchors(text: string): string[] | null {
  const names: string[] = [];
  for (const doc of parseAllDocuments(text, { merge: true })) {
    if (!('contents' in doc) || doc.errors.length > 0) return null;
    visit(doc, (_key, node) => {
      if (isAlias(node)) names.push(`*${node.source}`);
      else if (isNode(node) && node.anchor) names.push(`&${node.anchor}`);
    });
  }
  return names;
}

function indentationProblems(before: string, edits: readonly TextEditAt[]): string[] {
  const problems: string[] = [];
  const existing = new Set(before.split(/\r?\n|\r/).map((line) => /^[ \t]*/.exec(line.replace(/^\uFEFF/, ''))![0]));
  for (const edit of edits) {
    // Lines the edit starts: their indentation must be one the document already uses.
    for (const line of edit.newText.split(/\r?\n|\r/).slice(1)) {
      const indent = /^[ \t]*/.exec(line)![0];
      if (!existing.has(indent)) problems.push(`inserted line ${JSON.stringify(line)} is indented with ${JSON.stringify(indent)}, an indentation no line of the document has`);
    }
  }
  return problems;
}

/** Bytes outside the edits equal the original, edit by edit (so the result came from these edits and nothing else). */
function outsideProblems(before: string, after: string, edits: readonly TextEditAt[]): string[] {
  let inBefore = 0;
  let inAfter = 0;
  for (const edit of edits) {
    const kept = before.slice(inBefore, edit.start);
    if (after.slice(inAfter, inAfter + kept.length) !== kept) return [`the text between offsets ${inBefore} and ${edit.start} changed`];
    inAfter += kept.length;
    if (after.slice(inAfter, inAfter + edit.newText.length) !== edit.newText) return [`edit at ${edit.start} did not write its new text`];
    inAfter += edit.newText.length;
    inBefore = edit.end;
  }
  if (after.slice(inAfter) !== before.slice(inBefore)) return [`the text after offset ${inBefore} changed`];
  return [];
}

/** Checks one finding's fix on `text`; `kind` selects the real parser, `findings` are all of the text's findings. */
export function checkFix(text: string, path: string, kind: FileKind, finding: Finding, findings: readonly Finding[], options: LintOptions = {}): FixOutcome {
  const fix = finding.fix;
  if (!fix) return { fixed: null, problems: [] };
  const what = `fix "${fix.title}" of ${finding.rule} at ${finding.span.start}..${finding.span.end}`;
  const edits = fix.edits;
  const malformed = editProblems(text, edits, what);
  if (malformed.length > 0) return { fixed: null, problems: malformed };

  const problems: string[] = [];
  const fixed = applyLikeEditor(text, edits);
  if (fixed !== applyEdits(text, edits)) problems.push(`${what}: the editor applies it differently from the engine (positions do not round-trip)`);
  if (fixed === text) problems.push(`${what}: it changes nothing`);
  problems.push(...outsideProblems(text, fixed, edits).map((p) => `${what}: ${p}`));

  // What the user wrote around the setting stays as it was.
  const endings = lineEndingsOf(text);
  for (const edit of edits) {
    if (endings === 'crlf' && /(^|[^\r])\n/.test(edit.newText)) problems.push(`${what}: writes a bare LF into a CRLF document`);
    if (endings === 'lf' && /\r/.test(edit.newText)) problems.push(`${what}: writes a CR into an LF document`);
  }
  // (Removing a first line may legitimately bring a U+FEFF that stood inside the text to the front.)
  if (text.startsWith('\uFEFF') && !fixed.startsWith('\uFEFF')) problems.push(`${what}: removes the byte order mark`);
  if (/(\r\n|\n|\r)$/.test(text) !== /(\r\n|\n|\r)$/.test(fixed)) problems.push(`${what}: adds or removes the trailing line break`);
  const commentsBefore = ownLineComments(kind, text);
  const commentsAfter = ownLineComments(kind, fixed);
  if (JSON.stringify(commentsBefore) !== JSON.stringify(commentsAfter)) problems.push(`${what}: own-line comments changed`);
  problems.push(...indentationProblems(text, edits).map((p) => `${what}: ${p}`));

  // The consumer still reads the file.
  const parsedBefore = realParseError(kind, text) === null;
  const parseError = realParseError(kind, fixed);
  if (parsedBefore && parseError !== null) problems.push(`${what}: the fixed text no longer parses: ${parseError}`);
  if (kind === 'compose' && parsedBefore && parseError === null) {
    const anchorsBefore = yamlAnchors(text);
    const anchorsAfter = yamlAnchors(fixed);
    if (anchorsBefore && JSON.stringify(anchorsBefore) !== JSON.stringify(anchorsAfter)) problems.push(`${what}: YAML anchors or aliases changed`);
  }

  // Re-lint: the finding is gone from that place and the same edit is not offered again.
  const relint = checkLint(fixed, path, options);
  problems.push(...relint.problems.map((p) => `${what}, re-lint: ${p}`));
  if (relint.result) {
    const place = mapSpan(finding.span, edits);
    // Other problems of the same rule the text had (another entry of the same value) may still be there after the fix.
    const others = findings.filter((f) => f !== finding && f.rule === finding.rule);
    const knownBefore = (f: Finding) => others.some((other) => sameProblem(other.message, f.message) && atPlace(f.span, mapSpan(other.span, edits)));
    const stillThere = relint.result.findings.filter((f) => f.rule === finding.rule && atPlace(f.span, place) && !knownBefore(f));
    if (stillThere.length > 0) {
      problems.push(`${what}: re-linting still reports ${finding.rule} at ${place.start}..${place.end}: ${stillThere.map((f) => f.message).join(' | ')}`);
    }
    const mapped = edits.map((edit) => ({ ...mapSpan(edit, edits), newText: edit.newText }));
    for (const again of relint.result.findings) {
      for (const edit of again.fix?.edits ?? []) {
        const repeats = mapped.some((m) => m.newText === edit.newText && m.newText !== '' && (edit.start === edit.end ? edit.start === m.end || edit.start === m.start : edit.start === m.start && edit.end === m.end));
        if (repeats) problems.push(`${what}: after it, ${again.rule} offers the same edit again (${JSON.stringify(edit.newText)} at ${edit.start})`);
      }
    }
  }
  return { fixed, problems };
}
