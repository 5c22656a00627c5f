#!/usr/bin/env node
// The command-line entry point; the compiled CLI lives in lib/ (built by `npm ci` via `prepare`).
// V8 is tuned for shifr's short runs before the CLI is loaded (see src/cli/v8-tuning.ts).
const { tuneV8 } = await import('../lib/src/cli/v8-tuning.js');
tuneV8();
const { main } = await import('../lib/src/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
