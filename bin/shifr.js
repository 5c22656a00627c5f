#!/usr/bin/env node
// The command-line entry point; the compiled CLI lives in lib/ (built by `npm ci` via `prepare`).
import { main } from '../lib/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
