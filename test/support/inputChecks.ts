// Everything checked for one input, whatever produced it (a fuzz case, a
// regression file, a variant of an example): the engine's invariants, the
// safety of every fix it offers, and fix-all. systemd results are collected
// and handed to `systemd-analyze` in one batch by `systemdFixProblems`.
import type { LintOptions, LintResult } from '../../server/engine/lint';
import type { FileKind } from '../../server/engine/model';
import { checkFixAll, checkLint } from './engineInvariants';
import { realParseError, systemdComplaints } from './fileKinds';
import { checkFix } from './fixSafety';

/** A fixed systemd text to load with systemd-analyze, next to the text it came from. */
export interface SystemdFix {
  what: string;
  before: string;
  after: string;
}

export interface InputReport {
  problems: string[];
  systemdFixes: SystemdFix[];
  /** How many fixes were checked (a fuzz run reports it, so a generator that stops producing fixes is noticed). */
  fixesChecked: number;
}

/**
 * `maxFixes` bounds the fixes checked (each costs a re-lint): a fuzz input
 * with thousands of findings is checked on a spread of them.
 */
export function checkInput(text: string, kind: FileKind, path: string, options: LintOptions = {}, maxFixes = Infinity): InputReport {
  const problems: string[] = [];
  const systemdFixes: SystemdFix[] = [];
  // Through detection, as the server and the CLI see the file...
  const started = performance.now();
  const detected = checkLint(text, path, options);
  const elapsed = performance.now() - started;
  problems.push(...detected.problems.map((p) => `[detected] ${p}`));
  if (elapsed > lintTimeBound(text)) problems.push(`lint took ${Math.round(elapsed)} ms for ${text.length} characters: something is worse than linear`);
  if (text.startsWith('\uFEFF')) problems.push(...byteOrderMarkProblems(text, path, detected.result, options));
  // ...and parsed as the kind even when detection declines it (a truncated config.toml without [[runners]]).
  const forced = detected.result?.kind === kind ? detected : checkLint(text, path, { ...options, kind });
  if (forced !== detected) problems.push(...forced.problems.map((p) => `[as ${kind}] ${p}`));
  let fixesChecked = 0;
  const findings = forced.result?.findings ?? [];
  const fixable = findings.filter((finding) => finding.fix);
  const step = Number.isFinite(maxFixes) ? Math.max(1, Math.ceil(fixable.length / maxFixes)) : 1;
  for (const finding of fixable.filter((_, index) => index % step === 0)) {
    fixesChecked++;
    const outcome = checkFix(text, path, kind, finding, findings, { ...options, kind });
    problems.push(...outcome.problems);
    if (kind === 'systemd' && outcome.fixed !== null) systemdFixes.push({ what: `fix "${finding.fix?.title}" of ${finding.rule} at ${finding.span.start}`, before: text, after: outcome.fixed });
  }
  const all = checkFixAll(text, path, { ...options, kind });
  problems.push(...all.problems);
  if (all.text !== null && all.text !== text) {
    const parseError = realParseError(kind, all.text);
    if (realParseError(kind, text) === null && parseError !== null) problems.push(`fix-all: the fixed text no longer parses: ${parseError}`);
    if (kind === 'systemd') systemdFixes.push({ what: 'fix-all', before: text, after: all.text });
  }
  return { problems, systemdFixes, fixesChecked };
}

/**
 * A byte order mark changes nothing but offsets: the same kind is detected and
 * the same findings come out, one character further on.
 */
function byteOrderMarkProblems(text: string, path: string, withMark: LintResult | null, options: LintOptions): string[] {
  const without = checkLint(text.slice(1), path, options).result;
  if (!withMark || !without) return [];
  if (withMark.kind !== without.kind) return [`BOM: detected as ${withMark.kind} with it and ${without.kind} without`];
  // Offset 0 with a BOM and offset 1 both mean "the start of the file" (where file-level problems sit).
  const shown = (findings: LintResult['findings'], shift: number) =>
    findings.map((f) => `${f.rule} ${Math.max(1, f.span.start + shift)}..${Math.max(1, f.span.end + shift)} ${f.message.replace(/\d+/g, '#')}`).sort();
  const a = shown(withMark.findings, 0);
  const b = shown(without.findings, 1);
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`BOM: the findings differ from those of the text without it:\n  with:    ${a.join('\n           ')}\n  without: ${b.join('\n           ')}`];
}

/** Generous for a linear engine (a few ms per 10 KB) yet far below what a quadratic rule takes on a long line. */
export function lintTimeBound(text: string): number {
  return 2_000 + text.length / 100;
}

/**
 * systemd's own parser on both sides of each fix: every complaint about the
 * fixed text must be one it made before (same message; broken lines counted),
 * or be about text the user wrote: a line the fix left as it was, or a word
 * that stands whole in the text before (a section header added by a fix makes
 * systemd read, and complain about, lines it skipped before). Anything else
 * (an assignment the fix wrote that systemd skips, broken quoting, a bad
 * specifier) fails.
 */
export function systemdFixProblems(fixes: readonly SystemdFix[]): string[] {
  if (fixes.length === 0) return [];
  const complaints = systemdComplaints(fixes.flatMap((fix) => [fix.before, fix.after]));
  const problems: string[] = [];
  fixes.forEach((fix, index) => {
    const before = complaints[2 * index].map((c) => c.message);
    // "Invalid syntax, ignoring: <the whole line>" quotes the line, which a fix that adds a word changes:
    // those are counted (the fix may not break a line that was whole), the others matched by message.
    let brokenLinesBefore = before.filter((m) => m.startsWith('Invalid syntax')).length;
    // systemd shows the word unquoted and with specifiers resolved (`%%` as `%`).
    const plain = (text: string) => text.replace(/%%/g, '%').replace(/["'\\]/g, '');
    // The quoted word or line must stand whole in the text before (`https_proxy` inside `https_proxy=x` does not).
    const writtenBefore = (message: string) => {
      const about = /ignoring: (.*)$/.exec(message)?.[1];
      if (about === undefined) return false;
      const text = plain(fix.before);
      const word = plain(about);
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        const left = text[at - 1];
        const right = text[at + word.length];
        if ((left === undefined || /[\s=]/.test(left)) && (right === undefined || /\s/.test(right))) return true;
      }
      return false;
    };
    // A complaint about a line the fix left as it was (one it moved into [Service], where systemd now reads it).
    const beforeLines = new Set(fix.before.split(/\r\n|\n|\r|\0/));
    const afterLines = fix.after.split(/\r\n|\n|\r|\0/);
    const untouchedLine = (line: number) => line >= 1 && beforeLines.has(afterLines[line - 1] ?? '') && !/^\s*\[/.test(afterLines[line - 1] ?? '');
    const fresh = complaints[2 * index + 1].filter((complaint) => {
      if (writtenBefore(complaint.message) || untouchedLine(complaint.line)) return false;
      if (complaint.message.startsWith('Invalid syntax')) return brokenLinesBefore-- <= 0;
      const same = before.indexOf(complaint.message);
      if (same < 0) return true;
      before.splice(same, 1);
      return false;
    });
    if (fresh.length > 0) {
      problems.push(`${fix.what}: systemd now complains: ${fresh.map((c) => `line ${c.line}: ${c.message}`).join('; ')}\n--- before\n${fix.before}\n--- after\n${fix.after}`);
    }
  });
  return problems;
}
