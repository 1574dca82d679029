// The questions every generator asks, as input boxes and quick picks.
// Every function resolves to undefined when the user cancels: callers then
// stop and change nothing.
import * as vscode from 'vscode';
import { noProxyListProblem, parseNoProxyList, proxyUrlProblem } from '../../server/generators/proxyUrl';
import type { ProxyInput } from '../../server/generators/types';

export interface ProxyQuestions {
  /** Window title of every prompt (the command's name). */
  title: string;
  /** Ask for extra NO_PROXY hosts (not for the password encoder). */
  askNoProxy: boolean;
  /** A user name is required (the password encoder has nothing to do without one). */
  requireUser?: boolean;
}

/**
 * Proxy URL → user → password (only with a user, masked) → extra NO_PROXY
 * hosts. The user and password are not asked when the URL already holds
 * credentials.
 */
export async function askProxyInput(questions: ProxyQuestions): Promise<ProxyInput | undefined> {
  const { title } = questions;
  const proxyUrl = await vscode.window.showInputBox({
    title,
    prompt: 'Proxy URL, with scheme and port',
    placeHolder: 'http://proxy.corp.example:3128',
    ignoreFocusOut: true,
    validateInput: (value) => proxyUrlProblem(value),
  });
  if (proxyUrl === undefined) return undefined;
  let user: string | undefined;
  let password: string | undefined;
  if (!proxyUrl.includes('@')) {
    user = await vscode.window.showInputBox({
      title,
      prompt: questions.requireUser ? 'Proxy user name' : 'Proxy user name (leave empty when the proxy needs no login)',
      ignoreFocusOut: true,
      validateInput: (value) => (questions.requireUser && value === '' ? 'Enter the user name.' : null),
    });
    if (user === undefined) return undefined;
    if (user !== '') {
      password = await vscode.window.showInputBox({
        title,
        prompt: `Password of ${user} (typed in clear; proxylint percent-encodes it)`,
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => (value === '' ? 'Enter the password.' : null),
      });
      if (password === undefined) return undefined;
    }
  }
  let noProxy: string[] = [];
  if (questions.askNoProxy) {
    const answer = await vscode.window.showInputBox({
      title,
      prompt: 'Extra hosts that must not go through the proxy, comma-separated (localhost and 127.0.0.1 are always added)',
      placeHolder: '.corp.example,registry.corp.example',
      ignoreFocusOut: true,
      validateInput: (value) => noProxyListProblem(value),
    });
    if (answer === undefined) return undefined;
    noProxy = parseNoProxyList(answer);
  }
  return { proxyUrl: proxyUrl.trim(), user: user === '' ? undefined : user, password, noProxy };
}

export interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

/** One choice from a quick pick; undefined when cancelled. */
export async function pickOne<T>(title: string, placeHolder: string, choices: Choice<T>[]): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(choices, { title, placeHolder, ignoreFocusOut: true });
  return picked?.value;
}

/** Several choices; undefined when cancelled or when nothing was picked. */
export async function pickMany<T>(title: string, placeHolder: string, choices: Choice<T>[]): Promise<T[] | undefined> {
  const picked = await vscode.window.showQuickPick(choices, { title, placeHolder, ignoreFocusOut: true, canPickMany: true });
  return picked && picked.length > 0 ? picked.map((p) => p.value) : undefined;
}
