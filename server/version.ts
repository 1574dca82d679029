// proxylint's version, for the CLI's `--version` and SARIF and the language
// server's serverInfo: package.json's, put in by scripts/build.mjs (esbuild
// `define`). Running from source says so.
export const VERSION: string = process.env.PROXYLINT_VERSION ?? '0.0.0-source';
