// The edits a generator hands back: in document order, without the ones that
// would write what is already there (running a generator twice changes nothing).
import type { TextEditAt } from '../engine/fixes';

export function effectiveEdits(text: string, edits: readonly TextEditAt[]): TextEditAt[] {
  return edits.filter((e) => text.slice(e.start, e.end) !== e.newText).sort((a, b) => a.start - b.start || a.end - b.end);
}
