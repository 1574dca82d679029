// What a scenario may ask of an editor. Both drivers implement all of it:
//   codeServerDriver.mjs  -- keyboard and mouse in code-server's workbench (Playwright)
//   vscodeApiDriver.cjs   -- the vscode API inside VS Code's extension host (@vscode/test-electron)
// Paths are relative to the workspace folder; positions are 0-based {line, character};
// diagnostics have the shape of lib/diagnostics.mjs.
export const DRIVER_METHODS = {
  openFile: '(relPath) opens the file in an editor and focuses it',
  waitForDiagnostics: '(relPath, predicate, {timeoutMs}?) polls the file\'s proxylint diagnostics until predicate(diagnostics) holds; returns them',
  assertDiagnosticShown: '(relPath, diagnostic) the user sees it: squiggle on its line, row in the Problems panel',
  assertDiagnosticGone: '(relPath, diagnostic) the Problems panel no longer lists it',
  moveCursor: '({line, character}) puts the cursor there in the active editor',
  applyQuickFix: '(titleSubstring) applies the first quick fix at the cursor whose title contains it; returns the title',
  readEditorText: '() the active editor\'s text',
  runCommand: '(title) starts a command by its Command Palette title, without waiting for it to finish',
  answerInputBox: '(text) types into the input box the running command shows, and accepts',
  pickQuickPick: '(label) picks the item with that label in the quick pick the running command shows',
  hover: '({line, character}) the extension-provided hover parts there as the user reads them ([] if none): one line per paragraph or table row, cells joined by " | " (lib/hoverText.mjs)',
  typeText: '(text) types at the cursor of the active editor as from the keyboard; "\\n" is Enter (with the editor\'s auto-indent)',
  triggerSuggest: '() opens the suggestions at the cursor (Trigger Suggest, Ctrl+Space), unless they are open already',
  suggestionLabels: '() labels of the suggestions listed now, filtered by what is typed, in order ([] while none are open)',
  acceptSuggestion: '(label) accepts the listed suggestion with exactly that label',
  closeFile: '(relPath) closes the file\'s editor (opening it first if needed); the file must not have unsaved changes',
  assertProblemListed: '(relPath, diagnostic) the Problems panel lists it, whether or not the file is open',
};

export function assertImplementsDriver(driver) {
  const missing = Object.keys(DRIVER_METHODS).filter((name) => typeof driver[name] !== 'function');
  if (missing.length) throw new Error(`driver ${driver.name} lacks: ${missing.join(', ')}`);
  return driver;
}
