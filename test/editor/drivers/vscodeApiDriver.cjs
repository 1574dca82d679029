// The editor driver for @vscode/test-electron: the same actions as the
// code-server driver, done with the vscode API inside the extension host.
// What the API cannot see (squiggles, rows of the Problems panel) is checked
// where those are drawn from: vscode.languages.getDiagnostics().
//
// This file must sit inside the extension's own folder (run-electron.mjs
// copies it there): then require('vscode') returns proxylint's own API object,
// and replacing window.showInputBox / showQuickPick on it answers the prompts
// proxylint's commands show. Commands that build their UI with
// createInputBox / createQuickPick cannot be answered this way.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const vscode = require('vscode');

const EXTENSION_ID = 'proxylint.proxylint';

async function importLib(name) {
  return import(pathToFileURL(path.join(__dirname, '..', 'lib', name)).href);
}

async function createVscodeApiDriver({ workspaceDir, timeoutMs = 30_000 }) {
  const { normalizeDiagnostic, sameDiagnostic } = await importLib('diagnostics.mjs');
  const { waitFor } = await importLib('waitFor.mjs');
  const { plainTextOfMarkdown } = await importLib('hoverText.mjs');
  const prompts = answerPromptsFromTests();
  const uriOf = (relPath) => vscode.Uri.file(path.join(workspaceDir, relPath));
  const proxylintDiagnostics = (relPath) => vscode.languages.getDiagnostics(uriOf(relPath))
    .filter((d) => d.source === 'proxylint').map(normalizeDiagnostic);
  let runningCommand = null;
  // Set by triggerSuggest, cleared by acceptSuggestion: whether suggestions are "open".
  let suggesting = false;

  // The completion items VS Code gets at the cursor, filtered the way the
  // suggest widget filters them: by the text from the start of each item's
  // range to the cursor, against its filterText (or label).
  async function listedSuggestions() {
    const editor = activeEditor();
    const cursor = editor.selection.active;
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', editor.document.uri, cursor);
    return (list?.items ?? [])
      .filter((item) => {
        const range = insertRange(item) ?? editor.document.getWordRangeAtPosition(cursor) ?? new vscode.Range(cursor, cursor);
        const typed = editor.document.getText(new vscode.Range(range.start, cursor));
        return matchesTyped(item.filterText ?? labelOf(item), typed);
      })
      .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
  }

  function activeEditor() {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('no active editor');
    return editor;
  }

  const driver = {
    name: 'vscode API (test-electron)',

    async resetUi() {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    },

    // vscode.open, as the Explorer does: workspace.openTextDocument would make
    // the extension host hold the document, which then stays open (to proxylint
    // too) for minutes after its editor closes.
    async openFile(relPath) {
      const uri = uriOf(relPath);
      await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === uri.fsPath,
        { timeoutMs, what: `${relPath} in the active editor` });
    },

    async waitForDiagnostics(relPath, predicate, { timeoutMs: wait = timeoutMs } = {}) {
      return waitFor(() => {
        const found = proxylintDiagnostics(relPath);
        return predicate(found) && found;
      }, { timeoutMs: wait, what: `diagnostics of ${relPath}` });
    },

    async assertDiagnosticShown(relPath, diagnostic) {
      await waitFor(() => proxylintDiagnostics(relPath).some((d) => sameDiagnostic(d, diagnostic)),
        { timeoutMs, what: `${diagnostic.code} at line ${diagnostic.range.start.line + 1} of ${relPath} among the editor's diagnostics` });
      const shownFile = activeEditor().document.uri.fsPath;
      if (shownFile !== uriOf(relPath).fsPath) throw new Error(`${relPath} is not the active editor (${shownFile} is)`);
    },

    async assertDiagnosticGone(relPath, diagnostic) {
      await waitFor(() => !proxylintDiagnostics(relPath).some((d) => sameDiagnostic(d, diagnostic)),
        { timeoutMs, what: `${diagnostic.code} at line ${diagnostic.range.start.line + 1} of ${relPath} to go` });
    },

    async moveCursor({ line, character }) {
      const editor = activeEditor();
      const position = new vscode.Position(line, character);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position));
    },

    // The quick fixes VS Code would list at the cursor (edits resolved), as the
    // Quick Fix menu gets them; applies the first whose title contains `titleSubstring`.
    async applyQuickFix(titleSubstring) {
      const editor = activeEditor();
      const cursor = new vscode.Range(editor.selection.active, editor.selection.active);
      let offered = [];
      const action = await waitFor(async () => {
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider',
          editor.document.uri, cursor, vscode.CodeActionKind.QuickFix.value, 100);
        offered = (actions ?? []).map((a) => a.title);
        return (actions ?? []).find((a) => a.title.includes(titleSubstring));
      }, { timeoutMs, what: `a quick fix containing "${titleSubstring}"` }).catch((error) => {
        throw new Error(`${error.message}; offered: ${JSON.stringify(offered)}`);
      });
      if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error(`"${action.title}" did not apply`);
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      return action.title;
    },

    async readEditorText() {
      return activeEditor().document.getText();
    },

    // Finds the command by its Command Palette title ("Category: Title") in
    // proxylint's manifest, and starts it without waiting: it may be prompting.
    async runCommand(title) {
      const commands = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes?.commands ?? [];
      const command = commands.find((c) => (c.category ? `${c.category}: ${c.title}` : c.title) === title || c.title === title);
      if (!command) throw new Error(`proxylint contributes no command titled "${title}"`);
      runningCommand = Promise.resolve(vscode.commands.executeCommand(command.command));
      runningCommand.catch(() => {}); // its failure is reported by the step waiting on its prompt
    },

    async answerInputBox(text) {
      const prompt = await prompts.next('inputBox', timeoutMs, waitFor);
      const problem = await prompt.options?.validateInput?.(text);
      if (problem) throw new Error(`the input box rejects "${text}": ${typeof problem === 'string' ? problem : problem.message}`);
      prompt.answer(text);
    },

    async pickQuickPick(label) {
      const prompt = await prompts.next('quickPick', timeoutMs, waitFor);
      const items = await prompt.items;
      const item = items.find((i) => (typeof i === 'string' ? i : i.label) === label);
      if (!item) throw new Error(`the quick pick offers no "${label}": ${JSON.stringify(items.map((i) => i.label ?? i))}`);
      prompt.answer(prompt.options?.canPickMany ? [item] : item);
    },

    // Hover providers' contents at `position` (VS Code adds no diagnostic parts
    // here), their markdown reduced to the text the rendered hover shows.
    async hover({ line, character }) {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider',
        activeEditor().document.uri, new vscode.Position(line, character));
      return (hovers ?? []).flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value)).map(plainTextOfMarkdown).filter(Boolean);
    },

    // The editor's own `type` command, one character at a time as keys arrive:
    // it runs the same on-enter and auto-indent rules as the keyboard.
    async typeText(text) {
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      const document = activeEditor().document;
      for (const character of text) {
        const version = document.version;
        await vscode.commands.executeCommand('type', { text: character });
        if (document.version === version) throw new Error(`typing "${character}" did not change ${document.uri.fsPath} (editor not focused?)`);
      }
    },

    async triggerSuggest() {
      suggesting = true;
    },

    async suggestionLabels() {
      return suggesting ? (await listedSuggestions()).map(labelOf) : [];
    },

    // Applies the item as the suggest widget does (default insert mode): its
    // text over its insert range, as a snippet when it is one, then its extra
    // edits and command.
    async acceptSuggestion(label) {
      const items = await listedSuggestions();
      const item = items.find((i) => labelOf(i) === label);
      if (!item) throw new Error(`no suggestion "${label}"; listed: ${JSON.stringify(items.map(labelOf))}`);
      const editor = activeEditor();
      const cursor = editor.selection.active;
      const range = insertRange(item) ?? editor.document.getWordRangeAtPosition(cursor) ?? new vscode.Range(cursor, cursor);
      const text = item.insertText ?? labelOf(item);
      const snippet = typeof text === 'string' ? new vscode.SnippetString().appendText(text) : new vscode.SnippetString(text.value);
      if (!(await editor.insertSnippet(snippet, range))) throw new Error(`"${label}" did not apply`);
      if (item.additionalTextEdits?.length) {
        const edit = new vscode.WorkspaceEdit();
        edit.set(editor.document.uri, item.additionalTextEdits);
        await vscode.workspace.applyEdit(edit);
      }
      if (item.command) await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      suggesting = false;
    },

    async closeFile(relPath) {
      const fsPath = uriOf(relPath).fsPath;
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input?.uri?.fsPath === fsPath);
      if (tabs.some((tab) => tab.isDirty)) throw new Error(`${relPath} has unsaved changes`);
      if (tabs.length) await vscode.window.tabGroups.close(tabs);
    },

    async assertProblemListed(relPath, diagnostic) {
      await waitFor(() => proxylintDiagnostics(relPath).some((d) => sameDiagnostic(d, diagnostic)),
        { timeoutMs, what: `${diagnostic.code} at line ${diagnostic.range.start.line + 1} of ${relPath} among the editor's diagnostics` });
    },
  };
  return driver;
}

function labelOf(item) {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

// An item's range is a Range or { inserting, replacing }; the widget's default insert mode uses `inserting`.
function insertRange(item) {
  return item.range?.inserting ?? item.range;
}

// The suggest widget's fuzzy filter, simplified: the typed characters appear
// in order in the candidate, ignoring case, the first one at its start or at
// the start of a word in it. (The widget also ranks by match quality; the
// scenarios look at which labels are listed, not at their order.)
function matchesTyped(candidate, typed) {
  if (typed === '') return true;
  const text = candidate.toLowerCase();
  const wanted = typed.toLowerCase();
  const starts = [...text].map((c, i) => i).filter((i) => text[i] === wanted[0] && (i === 0 || /[^a-z0-9]/.test(text[i - 1])));
  return starts.some((start) => {
    let at = start + 1;
    for (const c of wanted.slice(1)) {
      at = text.indexOf(c, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  });
}

// Replaces proxylint's window.showInputBox and window.showQuickPick: each
// call waits in a queue until a test step answers it.
function answerPromptsFromTests() {
  const waiting = [];
  const enqueue = (kind, fields) => new Promise((resolve) => waiting.push({ kind, ...fields, answer: resolve }));
  vscode.window.showInputBox = (options) => enqueue('inputBox', { options });
  vscode.window.showQuickPick = (items, options) => enqueue('quickPick', { items: Promise.resolve(items), options });
  return {
    async next(kind, timeoutMs, waitFor) {
      await waitFor(() => waiting.length > 0, { timeoutMs, what: `the command to show a ${kind}` });
      const prompt = waiting.shift();
      if (prompt.kind !== kind) throw new Error(`expected a ${kind}, the command shows a ${prompt.kind}`);
      return prompt;
    },
  };
}

module.exports = { createVscodeApiDriver };
