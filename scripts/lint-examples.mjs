// Runs the built CLI on the bundled examples: the broken ones must report
// problems (exit 1), the fixed ones none (exit 0).
import { spawnSync } from 'node:child_process';

function run(folder, expectedExit, heading) {
  console.log(`\n== proxylint ${folder}   (${heading})`);
  const result = spawnSync(process.execPath, ['dist/cli.js', folder], { stdio: 'inherit' });
  if (result.status !== expectedExit) {
    console.error(`proxylint ${folder} exited ${result.status}, expected ${expectedExit}`);
    return false;
  }
  return true;
}

const ok = run('examples/broken', 1, 'every mistake reported') & run('examples/fixed', 0, 'the same setups, corrected: nothing to report');
if (ok) console.log('\nexamples: as expected');
process.exitCode = ok ? 0 : 1;
