// `# proxylint-disable-next-line [rule-id ...]` comments (YAML, TOML, systemd).

const DIRECTIVE = /^\uFEFF?[ \t]*[#;][ \t]*proxylint-disable-next-line\b([^\r\n]*)/;

/** 0-based line → rule ids silenced on it (an empty set silences every rule). */
export function findSuppressions(text: string): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  // Most files have no directive: no need to split them into lines on every lint.
  if (!text.includes('proxylint-disable-next-line')) return result;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = DIRECTIVE.exec(lines[i]);
    if (!match) continue;
    // The directive applies to the next line that is neither blank nor another comment.
    let target = i + 1;
    while (target < lines.length && /^[ \t]*([#;].*)?\r?$/.test(lines[target])) target++;
    const ids = match[1].replace(/--.*$/, '').split(/[\s,]+/).filter(Boolean);
    const existing = result.get(target) ?? new Set<string>();
    if (ids.length === 0) result.set(target, new Set());
    else if (existing.size > 0 || !result.has(target)) result.set(target, new Set([...existing, ...ids]));
  }
  return result;
}
