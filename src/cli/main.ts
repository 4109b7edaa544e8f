#!/usr/bin/env node
/// <reference types="node" />
// The `e2eactivity` command. Only wiring: every decision is in the modules it imports, which the
// in-process tests cover; tests run this file as a child process.
import { processIo } from './io.js';
import { runCli } from './run.js';

void runCli(process.argv.slice(2), processIo(process)).then((status) => {
  process.exitCode = status;
});
