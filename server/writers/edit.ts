// The edit that replaces a span: fields copied one by one, since an object spread (`{ ...span, newText }`),
// a generic property copy, was the hottest line of rendering fixes.
import type { TextEditAt } from '../engine/fixes';
import type { Span } from '../engine/model';

export function replaceSpan(span: Span, newText: string): TextEditAt {
  return { start: span.start, end: span.end, newText };
}
