// Keystroke latency at the protocol layer: the built server as a process over
// stdio, a compose file open in a workspace folder, single-character edits
// sent as `didChange` at typing speed, and the time from each change to the
// first diagnostics published for its version or a later one (what the user
// sees). Then a burst: edits sent back to back, and how long after the last
// one its diagnostics arrive, and whether older diagnostics follow them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { composeFileOfLines } from './generate';
import { LspSession, sleepUntil, type Publication } from './lspSession';
import { median, percentile } from './stats';

export interface TypingResult {
  lines: number;
  edits: number;
  intervalMs: number;
  p50: number;
  p95: number;
  max: number;
  /** Edits whose own version never got diagnostics because a later one came first (coalesced). */
  coalesced: number;
  /** Diagnostics published for an older version after a newer one. */
  outOfOrder: number;
}

export interface BurstResult {
  lines: number;
  edits: number;
  /** Bursts measured, each after isolated edits of its own. */
  rounds: number;
  /** From sending the last edit to the diagnostics of its version: the median of the rounds. */
  finalMs: number;
  /** That time in each round. */
  finals: number[];
  /** One lint's time-to-diagnostics for the same file: the median of isolated edits, each awaited. */
  singleLintMs: number;
  /** Diagnostics of an older version published after those of the last edit, in all rounds. */
  staleAfterFinal: number;
  /** Diagnostics of the bursts' earlier versions, published before the final ones (a lint that started mid-burst), in all rounds. */
  publishedDuringBurst: number;
}

export interface LatencyResult {
  typing: TypingResult[];
  burst: BurstResult | null;
}

export function proxylintSession(serverPath: string, root: string): Promise<LspSession> {
  return LspSession.start({
    command: process.execPath,
    // BENCH_SERVER_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=bench/out/prof` to see where the server spends its time.
    args: [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), serverPath, '--stdio'],
    configuration: (item) => (item.section === 'proxylint' ? {} : null),
    rootPath: root,
    rootUri: pathToFileURL(root).toString(),
  });
}

/** A line in the middle of the file whose value edits change findings: a NO_PROXY list. */
export function editSite(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  for (let distance = 0; distance < lines.length; distance++) {
    for (const line of [middle + distance, middle - distance]) {
      if (line >= 0 && line < lines.length && /^\s*- NO_PROXY=/.test(lines[line])) return { line, character: lines[line].length };
    }
  }
  throw new Error('no NO_PROXY list item in the generated file');
}

const TYPED = ',cache_2,db_3,search_1,api_4,localhost:8080,.corp.example,*.internal,10.1.0.0/16,mailer_2,worker_7,gateway_1,auth_3,files_2,metrics_1,reports_4';

/** The i-th keystroke at the edit site: the first `typedCount` type TYPED, the rest delete it again from its end. */
function keystroke(site: { line: number; character: number }, i: number, typedCount: number): TextDocumentContentChangeEvent {
  if (i < typedCount) {
    const at = { line: site.line, character: site.character + i };
    return { range: { start: at, end: at }, text: TYPED[i % TYPED.length] };
  }
  const length = typedCount - (i - typedCount);
  return { range: { start: { line: site.line, character: site.character + length - 1 }, end: { line: site.line, character: site.character + length } }, text: '' };
}

function uriFor(path: string): string {
  return pathToFileURL(path).toString();
}

/** Writes the file into a workspace folder (as it would be on disk) and returns its URI. */
function placeFile(root: string, name: string, text: string): string {
  mkdirSync(root, { recursive: true });
  const path = join(root, name);
  writeFileSync(path, text);
  return uriFor(path);
}

/** The server started in `root` with a compose file of `text` open and its first diagnostics in, start-up work settled; and where to type. */
async function openedComposeFile(serverPath: string, root: string, text: string) {
  const uri = placeFile(root, 'docker-compose.yml', text);
  const session = await proxylintSession(serverPath, root);
  const opened = session.next((p) => p.params.uri === uri);
  await session.open(uri, 'dockercompose', text);
  await opened;
  // Let start-up work (the first cross-file comparison) settle before typing.
  await new Promise((r) => setTimeout(r, 300));
  return { session, uri, site: editSite(text) };
}

export async function measureTyping(serverPath: string, lines: number, edits: number, intervalMs: number, outDir: string): Promise<TypingResult> {
  const text = composeFileOfLines(lines, 3);
  const { session, uri, site } = await openedComposeFile(serverPath, resolve(outDir, `latency-${lines}`), text);
  try {
    const sentAt: number[] = [];
    const first = performance.now() + 20;
    for (let i = 0; i < edits; i++) {
      await sleepUntil(first + i * intervalMs);
      sentAt.push(performance.now());
      // Typing for three quarters of the edits, then backspaces.
      await session.change(uri, i + 2, [keystroke(site, i, Math.ceil((edits * 3) / 4))]);
    }
    const lastVersion = edits + 1;
    if (!session.publications.some((p) => p.params.uri === uri && p.params.version === lastVersion)) {
      await session.next((p) => p.params.uri === uri && p.params.version === lastVersion);
    }
    await new Promise((r) => setTimeout(r, 200));
    const published = session.publications.filter((p) => p.params.uri === uri && p.at >= sentAt[0]);
    const latencies = sentAt.map((at, i) => {
      const version = i + 2;
      const answer = published.find((p) => (p.params.version ?? 0) >= version && p.at >= at);
      if (!answer) throw new Error(`no diagnostics for version ${version}`);
      return answer.at - at;
    });
    const publishedVersions = new Set(published.map((p) => p.params.version));
    return {
      lines: text.split('\n').length,
      edits,
      intervalMs,
      p50: median(latencies),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      coalesced: sentAt.filter((_, i) => !publishedVersions.has(i + 2)).length,
      outOfOrder: countOutOfOrder(published),
    };
  } finally {
    await session.stop();
  }
}

function countOutOfOrder(published: readonly Publication[]): number {
  let newest = -1;
  let count = 0;
  for (const p of published) {
    const version = p.params.version ?? -1;
    if (version < newest) count++;
    newest = Math.max(newest, version);
  }
  return count;
}

export async function measureBurst(serverPath: string, lines: number, edits: number, rounds: number, outDir: string): Promise<BurstResult> {
  const text = composeFileOfLines(lines, 4);
  const { session, uri, site } = await openedComposeFile(serverPath, resolve(outDir, `burst-${lines}`), text);
  try {
    // A burst is one sample of a noisy machine: several rounds, each the isolated edits it is compared with, then a burst.
    const isolated: number[] = [];
    const finals: number[] = [];
    let staleAfterFinal = 0;
    let publishedDuringBurst = 0;
    let version = 1;
    for (let round = 0; round < rounds; round++) {
      // One lint's time-to-diagnostics: isolated edits, each awaited, typing a character and deleting it.
      for (let i = 0; i < 6; i++) {
        const at = { line: site.line, character: site.character };
        const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
        const v = ++version;
        const answer = session.next((p) => p.params.uri === uri && p.params.version === v);
        const sent = performance.now();
        await session.change(uri, v, [change]);
        isolated.push((await answer).at - sent);
        await new Promise((r) => setTimeout(r, 100));
      }
      const firstVersion = version + 1;
      // Back to back: each notification is written as soon as the previous one is. The burst types and then deletes, so every round starts from the same text.
      for (let i = 0; i < edits; i++) await session.change(uri, ++version, [keystroke(site, i, Math.floor(edits / 2))]);
      const lastSent = performance.now();
      const lastVersion = version;
      const final = session.publications.find((p) => p.params.uri === uri && p.params.version === lastVersion) ?? (await session.next((p) => p.params.uri === uri && p.params.version === lastVersion));
      // Anything older that still arrives is stale.
      await new Promise((r) => setTimeout(r, Math.max(500, median(isolated) * 3)));
      finals.push(final.at - lastSent);
      const ofBurst = session.publications.filter((p) => p.params.uri === uri && (p.params.version ?? 0) >= firstVersion);
      staleAfterFinal += ofBurst.filter((p) => p.at > final.at && (p.params.version ?? 0) < lastVersion).length;
      publishedDuringBurst += ofBurst.filter((p) => p.at < final.at).length;
    }
    return { lines: text.split('\n').length, edits, rounds, finalMs: median(finals), finals, singleLintMs: median(isolated), staleAfterFinal, publishedDuringBurst };
  } finally {
    await session.stop();
  }
}

export async function benchLatency(serverPath: string, quick: boolean, outDir: string, log: (line: string) => void = () => {}): Promise<LatencyResult> {
  const typing: TypingResult[] = [];
  const edits = quick ? 40 : 200;
  for (const lines of [500, 5000]) {
    const result = await measureTyping(serverPath, lines, edits, 50, outDir);
    log(`typing ${result.lines} lines: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms, ${result.coalesced} coalesced, ${result.outOfOrder} out of order`);
    typing.push(result);
  }
  const burst = await measureBurst(serverPath, 5000, quick ? 15 : 40, quick ? 1 : 5, outDir);
  log(`burst ${burst.lines} lines: final ${burst.finalMs.toFixed(1)} ms after the last edit (rounds: ${burst.finals.map((f) => f.toFixed(1)).join(', ')}; one lint ${burst.singleLintMs.toFixed(1)} ms), ${burst.publishedDuringBurst} published mid-burst, ${burst.staleAfterFinal} stale after the final ones`);
  return { typing, burst };
}

if (require.main === module) {
  // `--json`: the result on standard output (run.ts runs this part in a process of its own, so the client
  // that decodes every publication is not slowed by what the other benchmarks left in its heap).
  const json = process.argv.includes('--json');
  const serverPath = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? resolve(__dirname, 'out/dist/server.js');
  void benchLatency(serverPath, process.env.BENCH_QUICK === '1', resolve(__dirname, 'out'), (line) => (json ? process.stderr.write(`  ${line}\n`) : console.log(line))).then((result) => {
    if (json) process.stdout.write(JSON.stringify(result));
  });
}
