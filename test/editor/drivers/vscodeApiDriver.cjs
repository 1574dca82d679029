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
  const prompts = answerPromptsFromTests();
  const uriOf = (relPath) => vscode.Uri.file(path.join(workspaceDir, relPath));
  const proxylintDiagnostics = (relPath) => vscode.languages.getDiagnostics(uriOf(relPath))
    .filter((d) => d.source === 'proxylint').map(normalizeDiagnostic);
  let runningCommand = null;

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

    async openFile(relPath) {
      const document = await vscode.workspace.openTextDocument(uriOf(relPath));
      await vscode.window.showTextDocument(document, { preview: false });
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

    // Hover providers' contents at `position` (VS Code adds no diagnostic parts here).
    async hover({ line, character }) {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider',
        activeEditor().document.uri, new vscode.Position(line, character));
      return (hovers ?? []).flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value)).map((t) => t.trim()).filter(Boolean);
    },
  };
  return driver;
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
