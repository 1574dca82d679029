// The outline: each scope (compose service, runner, unit, Docker proxies
// object) with the proxy settings it holds, so users can jump to them.
import type { DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind } from '../lsp';
import type { Assignment, ProxyModel, Scope, Span } from '../engine/model';
import { shownValue } from './hover/describe';

export function documentSymbols(document: TextDocument, model: ProxyModel): DocumentSymbol[] {
  const range = (span: Span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const symbols: DocumentSymbol[] = [];
  for (const scope of model.scopes) {
    const settings = scope.assignments.filter((a) => a.setting !== null);
    if (settings.length === 0) continue;
    const children = settings.map<DocumentSymbol>((assignment) => ({
      name: assignment.name,
      detail: detailOf(assignment),
      kind: assignment.spelling === 'json-key' ? SymbolKind.Property : SymbolKind.Variable,
      range: range(assignment.span),
      selectionRange: range(assignment.nameSpan),
    }));
    symbols.push({
      name: scope.label,
      detail: scope.ignoredBecause ? `ignored: ${scope.ignoredBecause}` : undefined,
      kind: scopeKind(scope),
      // The scope's range covers its anchor and every setting: merged YAML anchors may sit above the service.
      range: range(cover([scope.anchor, ...settings.map((a) => a.span)])),
      selectionRange: range(scope.anchor),
      children,
    });
  }
  return symbols;
}

function detailOf(assignment: Assignment): string {
  if (assignment.value === null) return '(from the environment)';
  return shownValue(assignment.setting, assignment.value);
}

function scopeKind(scope: Scope): SymbolKind {
  return scope.consumer === 'docker-json' ? SymbolKind.Object : SymbolKind.Module;
}

function cover(spans: Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}
