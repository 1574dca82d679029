// The version printed by `--version` and written into SARIF: package.json's,
// put in by scripts/build.mjs (esbuild `define`). Running from source says so.
export const VERSION: string = process.env.PROXYLINT_VERSION ?? '0.0.0-source';
