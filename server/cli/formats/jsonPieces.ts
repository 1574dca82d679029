// A report's JSON in pieces rather than one string: a run with tens of
// thousands of problems would otherwise hold the whole report (and every
// object it is made from) in memory at once. The pieces join to exactly what
// JSON.stringify(value, null, 2) prints.

const INDENT = '  ';

/** Items laid out per call of JSON.stringify: large enough that its speed is what counts, small enough to stay a few hundred KB. */
const BATCH_SIZE = 256;

/**
 * JSON.stringify(array, null, 2) of an array standing `depth` levels deep in
 * the document (its closing bracket is indented `depth` times), in pieces of
 * a batch of items each.
 */
export function* jsonArrayPieces(items: Iterable<unknown>, depth = 0): Generator<string> {
  // JSON.stringify lays out each batch itself, inside arrays nested `depth` deep so that the items get the
  // indentation they have in the whole document; the brackets around them are cut off.
  const open = Array.from({ length: depth + 1 }, (_, level) => `${INDENT.repeat(level)}[\n`).join('');
  const close = Array.from({ length: depth + 1 }, (_, level) => `\n${INDENT.repeat(depth - level)}]`).join('');
  let batch: unknown[] = [];
  let first = true;
  const laidOut = () => {
    let wrapped: unknown = batch;
    for (let level = 0; level < depth; level++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    const piece = `${first ? '[\n' : ',\n'}${text.slice(open.length, text.length - close.length)}`;
    first = false;
    batch = [];
    return piece;
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH_SIZE) yield laidOut();
  }
  if (batch.length > 0) yield laidOut();
  yield first ? '[]' : `\n${INDENT.repeat(depth)}]`;
}

/**
 * JSON.stringify(document, null, 2) of a document whose one array is
 * streamed: `document` holds `placeholder` where the array goes, `depth`
 * levels deep.
 */
export function* jsonDocumentPieces(document: unknown, placeholder: string, items: Iterable<unknown>, depth: number): Generator<string> {
  const text = JSON.stringify(document, null, 2);
  const at = JSON.stringify(placeholder);
  const index = text.indexOf(at);
  yield text.slice(0, index);
  yield* jsonArrayPieces(items, depth);
  yield text.slice(index + at.length);
}
