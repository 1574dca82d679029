// The editor driver for code-server: a person's actions in the workbench, done
// with Playwright's keyboard and mouse on the real DOM. Every wait is on a
// condition (a selector or a poll), never a fixed sleep.
import { describeDiagnostic } from '../lib/diagnostics.mjs';
import { plainTextOfRendered } from '../lib/hoverText.mjs';
import { WaitAborted, waitFor } from '../lib/waitFor.mjs';

// Workbench DOM of VS Code 1.100 (code-server 4.100.3).
const SELECTOR = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputPrompt: '.quick-input-widget .quick-input-message',
  quickInputError: '.quick-input-widget .monaco-inputbox.error',
  activeTabLabel: '.editor-group-container.active .tab.active .monaco-icon-label',
  activeEditor: '.editor-group-container.active .monaco-editor',
  cursorStatus: '#status\\.editor\\.selection',
  codeActionWidget: '.action-widget',
  codeActionRow: '.action-widget .monaco-list-row.action',
  problemsPanel: '.markers-panel',
  problemsFilter: 'input[aria-label="Filter Problems"]',
  // "Showing N of M" next to the filter; hidden while nothing is filtered out.
  problemsFilterBadge: '.viewpane-filter:has(input[aria-label="Filter Problems"]) .viewpane-filter-badge',
  hover: '.monaco-hover:not(.hidden)',
  suggestWidget: '.editor-widget.suggest-widget.visible',
  suggestRow: '.editor-widget.suggest-widget.visible .monaco-list-row',
  suggestLabel: '.label-name',
};

function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

// Longest Problems panel filter text (see showProblemsFilteredFor).
const FILTER_LENGTH = 40;

const SQUIGGLE_CLASS = { error: 'squiggly-error', warning: 'squiggly-warning', info: 'squiggly-info', hint: 'squiggly-hint' };

export function createCodeServerDriver({ page, workspaceDir, diagnosticsHook, timeoutMs = 30_000 }) {
  const keyboard = page.keyboard;

  // Presses the shortcut until the quick input shows (a key press can land
  // while the workbench is still moving focus), then waits for its prefix.
  async function openQuickInput(shortcut, expectedPrefix) {
    const input = page.locator(SELECTOR.quickInputBox);
    await waitFor(async () => {
      await keyboard.press(shortcut);
      return input.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    }, { timeoutMs, what: `the quick input after ${shortcut}` });
    await waitFor(async () => (await input.inputValue()).startsWith(expectedPrefix), { timeoutMs, what: `quick input "${expectedPrefix}"` });
    return input;
  }

  async function focusEditor() {
    await keyboard.press('Control+1'); // workbench.action.focusFirstEditorGroup
  }

  async function quickInputPrompt() {
    return (await page.locator(SELECTOR.quickInputPrompt).innerText().catch(() => '')).trim();
  }

  // A quick input row by its label (and description), matched exactly.
  function quickInputRow(label, description) {
    let row = page.locator(SELECTOR.quickInputRow).filter({ has: page.locator('.label-name', { hasText: exactly(label) }) });
    if (description !== undefined) row = row.filter({ has: page.locator('.label-description', { hasText: exactly(description) }) });
    return row.first();
  }

  // Accepts a quick input row with the keyboard: focus moved down to it, then
  // Enter. A click can land while the list is still re-rendering its results.
  async function acceptRow(row, what) {
    await row.waitFor({ timeout: timeoutMs });
    await waitFor(async () => {
      if (await row.evaluate((element) => element.classList.contains('focused'))) return true;
      await keyboard.press('ArrowDown');
      return false;
    }, { timeoutMs, what: `focus on ${what}` });
    await keyboard.press('Enter');
  }

  const driver = {
    name: 'code-server',

    // Before each scenario: close whatever a failed one left open (menus,
    // quick input, hovers) and put the focus back in the editor.
    async resetUi() {
      await keyboard.press('Escape');
      await keyboard.press('Escape');
      await focusEditor();
    },

    // Loads the workbench on the workspace folder and waits until its files are listed.
    async start(folderUrl) {
      await page.goto(folderUrl);
      await page.locator(SELECTOR.workbench).waitFor({ timeout: 60_000 });
      await page.locator(SELECTOR.explorerRow).first().waitFor({ timeout: 60_000 });
    },

    // Quick Open (Ctrl+P), type the path, accept the row of that exact file,
    // until its tab is the active one.
    async openFile(relPath) {
      const absolute = `${workspaceDir}/${relPath}`;
      const [, dir, name] = /^(?:(.*)\/)?([^/]+)$/.exec(relPath);
      // The tab's label is the file's path, plus " • N problems in this file" once it has diagnostics.
      const tab = page.locator(`${SELECTOR.activeTabLabel}:is([aria-label="${absolute}"], [aria-label^="${absolute} •"])`);
      await waitFor(async () => {
        if (await page.locator(SELECTOR.quickInput).isVisible()) await keyboard.press('Escape');
        const input = await openQuickInput('Control+P', '');
        await input.fill(relPath);
        await acceptRow(quickInputRow(name, dir), relPath);
        return tab.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      }, { timeoutMs, what: `${relPath} open in the active editor` });
      await page.locator(`${SELECTOR.activeEditor} .view-lines`).waitFor({ timeout: timeoutMs });
    },

    // Polls the diagnostics the client reports (test hook file) until `predicate` accepts them.
    async waitForDiagnostics(relPath, predicate, { timeoutMs: wait = timeoutMs } = {}) {
      let seen = [];
      return waitFor(() => {
        const byFile = diagnosticsHook.read();
        if (!byFile) return false; // not written yet, or caught mid-write
        seen = byFile.get(relPath) ?? [];
        return predicate(seen) && seen;
      }, { timeoutMs: wait, what: `diagnostics of ${relPath}` }).catch((error) => {
        throw new Error(`${error.message}; last seen: ${JSON.stringify(seen.map(describeDiagnostic))}`);
      });
    },

    // What a person sees of one diagnostic in the open file: a squiggle of its
    // severity on its line, and its row (message, code, position) in the
    // Problems panel -- which never lists hints, so those only get the squiggle.
    async assertDiagnosticShown(relPath, diagnostic) {
      const line = diagnostic.range.start.line + 1;
      await waitFor(async () => (await squiggleLines(diagnostic.severity)).includes(line),
        { timeoutMs, what: `a ${diagnostic.severity} squiggle on line ${line} of ${relPath}` });
      if (diagnostic.severity === 'hint') return;
      await driver.assertProblemListed(relPath, diagnostic);
    },

    async assertDiagnosticGone(relPath, diagnostic) {
      const filterText = await showProblemsFilteredFor(diagnostic, { settled: true });
      await waitFor(async () => {
        const { filtered, complete, listed } = await problemsPanelState(relPath, diagnostic, filterText);
        return filtered && complete && !listed;
      }, { timeoutMs, what: `the Problems panel row for ${relPath} ${diagnostic.code} at line ${diagnostic.range.start.line + 1} to go` });
      await focusEditor();
    },

    // Go to Line/Column (Ctrl+G), until the status bar shows the new position.
    async moveCursor({ line, character }) {
      const position = page.locator(SELECTOR.cursorStatus, { hasText: `Ln ${line + 1}, Col ${character + 1}` });
      await waitFor(async () => {
        if (await page.locator(SELECTOR.quickInput).isVisible()) await keyboard.press('Escape');
        await focusEditor();
        const input = await openQuickInput('Control+G', ':');
        await input.fill(`:${line + 1}:${character + 1}`);
        await keyboard.press('Enter');
        await page.locator(SELECTOR.quickInput).waitFor({ state: 'hidden', timeout: 5_000 });
        return position.waitFor({ timeout: 3_000 }).then(() => true, () => false);
      }, { timeoutMs, what: `the cursor at ${line + 1}:${character + 1}` });
    },

    // Quick Fix menu (Ctrl+.) at the cursor; picks the first fix whose title
    // contains `titleSubstring`. Reopens the menu while the server's actions
    // are still on their way. Returns the full title.
    async applyQuickFix(titleSubstring) {
      const rows = page.locator(SELECTOR.codeActionRow);
      const row = rows.filter({ hasText: titleSubstring }).first();
      let offered = [];
      await waitFor(async () => {
        await keyboard.press('Control+.');
        await page.locator(SELECTOR.codeActionWidget).waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
        if (await row.isVisible()) return true;
        offered = await rows.allInnerTexts();
        await keyboard.press('Escape');
        return false;
      }, { timeoutMs, intervalMs: 500, what: `a quick fix containing "${titleSubstring}"` }).catch((error) => {
        throw new Error(`${error.message}; offered: ${JSON.stringify(offered)}`);
      });
      // Keyboard, not a click: the menu's pointer block swallows mouse clicks.
      const title = await row.getAttribute('aria-label');
      const focused = page.locator(`${SELECTOR.codeActionRow}.focused`);
      await waitFor(async () => {
        if ((await focused.getAttribute('aria-label')) === title) return true;
        await keyboard.press('ArrowDown');
        return false;
      }, { timeoutMs, what: `focus on the quick fix "${title}"` });
      await keyboard.press('Enter');
      await page.locator(SELECTOR.codeActionWidget).waitFor({ state: 'hidden', timeout: timeoutMs });
      return title;
    },

    // The active editor's text, the way a person takes it: Select All, Copy.
    // (Monaco renders only the lines on screen, so the DOM does not hold it all.)
    // Then Cursor Undo (Ctrl+U) puts the cursor back where it was.
    async readEditorText() {
      const cursor = page.locator(SELECTOR.cursorStatus);
      const hadSelection = (await cursor.innerText()).includes('selected');
      const sentinel = `proxylint-e2e-clipboard-${Date.now()}`;
      await page.evaluate((text) => navigator.clipboard.writeText(text), sentinel);
      await focusEditor();
      await keyboard.press('Control+A');
      await keyboard.press('Control+C');
      const { copied } = await waitFor(async () => {
        const text = await page.evaluate(() => navigator.clipboard.readText());
        return text !== sentinel && { copied: text };
      }, { timeoutMs, what: 'the editor text on the clipboard' });
      await keyboard.press('Control+U');
      if (!hadSelection) {
        await waitFor(async () => !(await cursor.innerText()).includes('selected'), { timeoutMs, what: 'the cursor back in place' });
      }
      return copied;
    },

    // Command Palette (F1), type the title, pick the row with exactly that
    // label. The palette lists the commands known when it opens, and an
    // extension's arrive with its host: so it is reopened until the row shows.
    // Does not wait for the command to finish: it may be prompting.
    async runCommand(title) {
      const row = quickInputRow(title);
      await waitFor(async () => {
        const input = await openQuickInput('F1', '>');
        await input.fill(`>${title}`);
        if (await row.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return true;
        await keyboard.press('Escape');
        return false;
      }, { timeoutMs, what: `the command "${title}" in the Command Palette` });
      await acceptRow(row, `the command "${title}"`);
    },

    // Types the answer and accepts; done when the prompt is gone (closed, or
    // the command's next prompt is up). A validation message fails the step.
    async answerInputBox(text) {
      const input = page.locator(SELECTOR.quickInputBox);
      await input.waitFor({ state: 'visible', timeout: timeoutMs });
      const prompt = await quickInputPrompt();
      await input.fill(text);
      await keyboard.press('Enter');
      await waitFor(async () => {
        if (await page.locator(SELECTOR.quickInputError).isVisible()) {
          throw new WaitAborted(`the input box rejects "${text}": ${await quickInputPrompt()}`);
        }
        return !(await input.isVisible()) || (await quickInputPrompt()) !== prompt;
      }, { timeoutMs, what: `the input box "${prompt}" to accept "${text}"` });
    },

    // A single-choice quick pick: Enter on a many-choice one would accept
    // its current ticks, not the row.
    async pickQuickPick(label) {
      await acceptRow(quickInputRow(label), `the quick pick item "${label}"`);
    },

    // Show Hover (Ctrl+K Ctrl+I) at `position`; returns the rendered text of
    // the hover parts an extension provided (diagnostic parts left out), or [] if
    // none appears within `waitMs`. The diagnostic parts show first, the
    // language server's part when its answer arrives.
    async hover(position, { waitMs = 10_000 } = {}) {
      await driver.moveCursor(position);
      await keyboard.press('Control+K');
      await keyboard.press('Control+I');
      const parts = page.locator(`${SELECTOR.hover} .hover-row:not(.status-bar) .hover-contents:not(.marker)`);
      const texts = await waitFor(async () => {
        const found = (await parts.allInnerTexts()).map(plainTextOfRendered).filter(Boolean);
        return found.length > 0 && found;
      }, { timeoutMs: waitMs, what: 'an extension hover' }).catch(() => []);
      await keyboard.press('Escape');
      return texts;
    },

    // The keyboard, into the focused editor: Enter runs the editor's own
    // on-enter rules (indentation), as when a person types.
    async typeText(text) {
      await focusEditor();
      await keyboard.type(text);
    },

    // Trigger Suggest (Ctrl+Space) until the widget is up. Not pressed when it
    // is up already (quick suggestions open it while typing): there Ctrl+Space
    // toggles the details pane instead.
    async triggerSuggest() {
      const widget = page.locator(SELECTOR.suggestWidget);
      await waitFor(async () => {
        if (await widget.isVisible()) return true;
        await keyboard.press('Control+Space');
        return widget.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
      }, { timeoutMs, what: 'the suggest widget' });
    },

    // Labels of the rows the widget renders, top to bottom. It renders at most
    // 12 rows (editor.suggest.maxVisibleSuggestions): enough for a filtered list.
    async suggestionLabels() {
      if (!(await page.locator(SELECTOR.suggestWidget).isVisible())) return [];
      return suggestRows();
    },

    // Moves the focus to the row with that label (arrow keys), then Enter.
    async acceptSuggestion(label) {
      let listed = [];
      await waitFor(async () => {
        listed = await suggestRows();
        return listed.includes(label);
      }, { timeoutMs, what: `the suggestion "${label}"` }).catch((error) => {
        throw new Error(`${error.message}; listed: ${JSON.stringify(listed)}`);
      });
      const focused = page.locator(`${SELECTOR.suggestRow}.focused ${SELECTOR.suggestLabel}`);
      await waitFor(async () => {
        if ((await focused.innerText().catch(() => '')).trim() === label) return true;
        await keyboard.press('ArrowDown');
        return false;
      }, { timeoutMs, what: `focus on the suggestion "${label}"` });
      await keyboard.press('Enter');
      await page.locator(SELECTOR.suggestWidget).waitFor({ state: 'hidden', timeout: timeoutMs });
    },

    // View: Close Editor on the file's tab, once it is the active one.
    async closeFile(relPath) {
      await driver.openFile(relPath);
      await driver.runCommand('View: Close Editor');
      const tab = page.locator(`.tab .monaco-icon-label:is([aria-label="${workspaceDir}/${relPath}"], [aria-label^="${workspaceDir}/${relPath} •"])`);
      await tab.waitFor({ state: 'detached', timeout: timeoutMs });
    },

    // The Problems panel row alone: a file that is not open has no squiggles to look at.
    async assertProblemListed(relPath, diagnostic) {
      const filterText = await showProblemsFilteredFor(diagnostic, { settled: false });
      await waitFor(async () => (await problemsPanelState(relPath, diagnostic, filterText)).listed,
        { timeoutMs, what: `a Problems panel row for ${relPath} ${diagnostic.code} at line ${diagnostic.range.start.line + 1}` });
      await focusEditor();
    },

    async screenshot(file) {
      await page.screenshot({ path: file });
    },
  };

  async function suggestRows() {
    const rows = await page.locator(SELECTOR.suggestRow).evaluateAll((elements, labelSelector) => elements
      .map((row) => ({ index: Number(row.dataset.index), label: row.querySelector(labelSelector)?.textContent.trim() ?? '' }))
      .sort((a, b) => a.index - b.index).map((row) => row.label), SELECTOR.suggestLabel);
    return rows.filter(Boolean);
  }

  // 1-based line numbers (from the gutter) of the squiggles of one severity in the active editor.
  function squiggleLines(severity) {
    return page.locator(SELECTOR.activeEditor).first().evaluate((editor, squiggleClass) => {
      const lineNumberAtTop = new Map([...editor.querySelectorAll('.margin-view-overlays > div')]
        .map((row) => [row.style.top, Number(row.querySelector('.line-numbers')?.textContent)]));
      return [...editor.querySelectorAll(`.view-overlays .${squiggleClass}`)]
        .map((squiggle) => lineNumberAtTop.get(squiggle.parentElement.style.top));
    }, SQUIGGLE_CLASS[severity]);
  }

  // The Problems panel filtered down to one diagnostic's message. Its rows are
  // virtualised: only a short list is sure to be rendered whole, and a row
  // outside the rendered ones would look "gone". The filter is the start of
  // the message's longest piece without a comma (the panel reads
  // comma-separated pieces as file globs too), at most FILTER_LENGTH long: the
  // panel also tries a camel-case match of the filter on each message, which
  // takes seconds for a long filter that shares its start with a message.
  // The panel applies a filter after a delay (about 0.4 s, seconds for some
  // texts), so right after typing it may still show the previous filter's
  // rows. A row seen there is listed all the same; to see a row *missing*
  // (`settled`), the filter is cleared until the "Showing N of M" badge hides,
  // then set until the badge shows (or every row matches, when the filter
  // leaves all of them).
  async function showProblemsFilteredFor(diagnostic, { settled }) {
    if (!(await page.locator(SELECTOR.problemsPanel).isVisible())) {
      await keyboard.press('Control+Shift+M'); // View: Show Problems
      await page.locator(SELECTOR.problemsPanel).waitFor({ state: 'visible', timeout: timeoutMs });
    }
    const filter = page.locator(SELECTOR.problemsFilter);
    const filterText = problemsFilterText(diagnostic.message);
    if (!settled) {
      if ((await filter.inputValue()) !== filterText) await filter.fill(filterText);
      return filterText;
    }
    const badgeShown = async () => !(await page.locator(SELECTOR.problemsFilterBadge).evaluate((badge) => badge.classList.contains('hidden')));
    await filter.fill('');
    await waitFor(async () => !(await badgeShown()), { timeoutMs, what: 'the Problems panel without filter' });
    await filter.fill(filterText);
    await waitFor(async () => (await badgeShown()) || (await renderedProblemsMatch(filterText)),
      { timeoutMs, what: `the Problems panel filtered by "${filterText}"` });
    return filterText;
  }

  function problemsFilterText(message) {
    const piece = message.split(',').map((part) => part.trim())
      .reduce((longest, part) => (part.length > longest.length ? part : longest), '');
    if (piece.length <= FILTER_LENGTH) return piece;
    const cut = piece.slice(0, FILTER_LENGTH);
    return cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  }

  // Whether every problem row rendered has `filterText` in its message.
  function renderedProblemsMatch(filterText) {
    return page.locator(SELECTOR.problemsPanel).evaluate((panel, wanted) => [...panel.querySelectorAll('.monaco-list-row[aria-level="2"] .marker-message')]
      .every((message) => message.textContent.toLowerCase().includes(wanted)), filterText.toLowerCase());
  }

  // Walks the Problems tree in order: file rows (level 1) then their problems
  // (level 2). `filtered`: every problem row shown matches `filterText`, so
  // the panel has applied it. `complete`: all rows fit, so all are rendered.
  // `listed`: the diagnostic's row is among them.
  function problemsPanelState(relPath, diagnostic, filterText) {
    const [, dir, name] = /^(?:(.*)\/)?([^/]+)$/.exec(relPath);
    const want = { dir: dir ?? '', name, message: diagnostic.message, code: diagnostic.code, filterText: filterText.toLowerCase(),
      position: `[Ln ${diagnostic.range.start.line + 1}, Col ${diagnostic.range.start.character + 1}]` };
    return page.locator(SELECTOR.problemsPanel).evaluate((panel, want) => {
      const rows = [...panel.querySelectorAll('.monaco-list-row')].sort((a, b) => a.dataset.index - b.dataset.index);
      let inFile = false;
      let filtered = true;
      let listed = false;
      const list = panel.querySelector('.monaco-list');
      const complete = Boolean(list) && parseFloat(list.querySelector('.monaco-list-rows')?.style.height ?? 'Infinity') <= list.clientHeight;
      for (const row of rows) {
        const text = (selector) => row.querySelector(selector)?.textContent.trim() ?? '';
        const level = row.getAttribute('aria-level');
        if (level === '1') {
          inFile = text('.label-name') === want.name && text('.label-description') === want.dir;
        } else if (level === '2') {
          if (!text('.marker-message').toLowerCase().includes(want.filterText)) filtered = false;
          if (inFile && text('.marker-message') === want.message && text('.marker-code') === want.code
            && text('.marker-line') === want.position) listed = true;
        }
      }
      return { filtered, complete, listed };
    }, want);
  }

  return driver;
}
