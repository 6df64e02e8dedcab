/** `npm start`: Briefbot (start.ts) on this process's arguments, environment and streams. */
import { startBriefbot } from './start.js';

process.exit(await startBriefbot(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }));
