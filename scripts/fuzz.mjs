// `npm run fuzz`: the fuzz suite with many more cases (FUZZ_RUNS, default
// 20000 per property) from a random seed, printed first so a failure can be
// replayed: FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npm run test:fuzz
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync } from 'node:fs';

const runs = process.env.FUZZ_RUNS ?? '20000';
const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31 - 1));
process.stdout.write(`proxylint fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run test:fuzz)\n`);
const files = readdirSync('test/fuzz')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/fuzz/${name}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-timeout=0', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
process.stdout.write(`proxylint fuzz: seed ${seed}, ${runs} runs per property: ${result.status === 0 ? 'no failure' : 'FAILED (inputs saved under the system temp folder, proxylint-fuzz-failures/)'}\n`);
process.exitCode = result.status ?? 1;
