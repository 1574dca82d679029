// The facts of each file for the comparison across files (engine/workspace.ts),
// with where each is, kept compact: a run keeps them for every file until all
// are linted, and a compose file has one per proxy variable of each service.
// A file's facts travel from a worker as a few strings and one array of
// numbers (FactColumns); the run keeps all of them in one FactStore.
import type { SettingFact } from '../engine/workspace';
import type { LineIndex, Region } from './problems';

/** A fact with the place its findings are printed at. */
export type PlacedFact = SettingFact & Omit<Region, 'file'>;

/** One file's facts: each string once, and ten numbers per fact. */
export interface FactColumns {
  /** The strings the facts name (settings, names, compared values), each once. */
  strings: string[];
  /** Per fact: setting, name and compared as indexes into `strings`, then start, end, line, column, endLine, endColumn, suppressed (1 or 0). */
  numbers: Int32Array;
}

const NUMBERS = 10;

export function toColumns(facts: readonly SettingFact[], lines: LineIndex): FactColumns {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const indexOf = (text: string) => {
    let index = indexes.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      indexes.set(text, index);
    }
    return index;
  };
  const numbers = new Int32Array(facts.length * NUMBERS);
  facts.forEach((fact, i) => {
    const start = lines.position(fact.start);
    const end = lines.position(fact.end);
    numbers.set([indexOf(fact.setting), indexOf(fact.name), indexOf(fact.compared), fact.start, fact.end, start.line, start.column, end.line, end.column, fact.suppressed ? 1 : 0], i * NUMBERS);
  });
  return { strings, numbers };
}

/** Where a file's facts are in a FactStore. */
export interface StoredFacts {
  first: number;
  count: number;
}

/** Facts per chunk of the store: a few MB, so growing never copies what is stored (nor holds two copies at once). */
const CHUNK_FACTS = 1 << 16;

/** The facts of every file of a run: their numbers in a few large buffers, each string once (numbered across files). */
export class FactStore {
  private readonly chunks: Int32Array[] = [];
  private size = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  add(columns: FactColumns): StoredFacts {
    const ids = columns.strings.map((text) => this.idOf(text));
    const from = columns.numbers;
    const first = this.size;
    for (let i = 0; i < from.length; i += NUMBERS) {
      const index = this.size++;
      if (index % CHUNK_FACTS === 0) this.chunks.push(new Int32Array(CHUNK_FACTS * NUMBERS));
      const chunk = this.chunks[this.chunks.length - 1];
      const at = (index % CHUNK_FACTS) * NUMBERS;
      chunk[at] = ids[from[i]];
      chunk[at + 1] = ids[from[i + 1]];
      chunk[at + 2] = ids[from[i + 2]];
      for (let k = 3; k < NUMBERS; k++) chunk[at + k] = from[i + k];
    }
    return { first, count: this.size - first };
  }

  facts({ first, count }: StoredFacts): PlacedFact[] {
    const facts: PlacedFact[] = [];
    for (let index = first; index < first + count; index++) {
      const n = this.chunks[Math.floor(index / CHUNK_FACTS)];
      const at = (index % CHUNK_FACTS) * NUMBERS;
      facts.push({
        setting: this.strings[n[at]] as SettingFact['setting'],
        name: this.strings[n[at + 1]],
        compared: this.strings[n[at + 2]],
        start: n[at + 3],
        end: n[at + 4],
        line: n[at + 5],
        column: n[at + 6],
        endLine: n[at + 7],
        endColumn: n[at + 8],
        suppressed: n[at + 9] === 1,
      });
    }
    return facts;
  }

  private idOf(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.push(text) - 1;
      this.stringIds.set(text, id);
    }
    return id;
  }
}
