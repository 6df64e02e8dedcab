#!/usr/bin/env node
/** The `briefbot` bin and `npm run cli`: the command line on this process's arguments, environment and streams. */
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
