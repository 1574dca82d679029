// A hover as the user reads it, whichever driver got it: one line per
// paragraph or table row, table cells joined by " | ", no markup. The
// code-server driver has the rendered widget's text; the vscode API driver
// has the provider's markdown. Both come out the same, so a scenario can
// assert on what is on screen (e.g. "curl | no | nothing: not set").

export const CELL_SEPARATOR = ' | ';

// innerText of a rendered hover part: Chromium separates table cells with tabs
// and paragraphs with blank lines.
export function plainTextOfRendered(innerText) {
  return lines(innerText.split('\n').map((line) => line.split('\t').map((cell) => cell.trim()).join(CELL_SEPARATOR)));
}

// The markdown a hover provider returned, reduced to what the rendered widget
// shows: tables to rows of cells, no separator rows, no `**`/`_` emphasis,
// inline code without its backtick fences, backslash escapes resolved.
export function plainTextOfMarkdown(markdown) {
  return lines(markdown.split('\n').flatMap((line) => {
    const trimmed = line.trim();
    if (/^\|(\s*:?-{3,}:?\s*\|)+$/.test(trimmed)) return [];
    if (trimmed.startsWith('|') && trimmed.endsWith('|')) {
      return [tableCells(trimmed).map(inlineText).join(CELL_SEPARATOR)];
    }
    return [inlineText(trimmed)];
  }));
}

// `| a | b \| c |` -> ['a', 'b | c']
function tableCells(row) {
  const cells = [];
  let current = '';
  for (let i = 1; i < row.length - 1; i++) {
    if (row[i] === '\\' && row[i + 1] === '|') {
      current += '\\|';
      i++;
    } else if (row[i] === '|') {
      cells.push(current);
      current = '';
    } else {
      current += row[i];
    }
  }
  cells.push(current);
  return cells.map((cell) => cell.trim());
}

// Inline markdown to its visible text: code spans keep their content verbatim
// (CommonMark strips one space of padding when both ends have one).
function inlineText(text) {
  let out = '';
  let prose = '';
  const flushProse = () => {
    out += prose.replace(/\*\*|__/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
    prose = '';
  };
  let i = 0;
  while (i < text.length) {
    const fence = /^`+/.exec(text.slice(i));
    const close = fence ? text.indexOf(fence[0], i + fence[0].length) : -1;
    if (fence && close >= 0) {
      let content = text.slice(i + fence[0].length, close);
      if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ')) content = content.slice(1, -1);
      flushProse();
      out += content;
      i = close + fence[0].length;
    } else {
      prose += text[i];
      i++;
    }
  }
  flushProse();
  return out;
}

function lines(all) {
  return all.map((line) => line.trim()).filter(Boolean).join('\n');
}
