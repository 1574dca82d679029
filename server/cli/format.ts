// Output formats of the CLI.
import type { Finding } from '../engine/lint';

export interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  rule: string;
  message: string;
}

/** 1-based line and column of each finding. */
export function locate(file: string, text: string, findings: readonly Finding[]): Located[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
  return findings.map((f) => {
    const start = position(f.span.start);
    const end = position(f.span.end);
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, severity: f.severity, rule: f.rule, message: f.message };
  });
}

export function formatText(results: readonly Located[]): string {
  return results.map((r) => `${r.file}:${r.line}:${r.column} ${r.severity} ${r.rule} ${r.message}`).join('\n');
}

export function formatJson(results: readonly Located[]): string {
  return JSON.stringify(results, null, 2);
}
