// `npm run build` (run by `npm ci` / `npm install` through `prepare`): src/ compiled to dist/,
// which `npm start`, the CLI and the `briefbot` bin run. Plain JavaScript, so that it needs
// nothing but TypeScript's compiler. The files src/ reads beside its modules (data/*.tsv) are
// copied next to the compiled ones; dist/ is emptied first, so nothing of a removed module stays.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const typescriptPackage = createRequire(import.meta.url).resolve('typescript/package.json');
const tsc = path.join(path.dirname(typescriptPackage), JSON.parse(readFileSync(typescriptPackage, 'utf8')).bin.tsc);
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('src', 'dist', { recursive: true, filter: (file) => statSync(file).isDirectory() || !file.endsWith('.ts') });
// The `briefbot` bin (package.json) is run as a program.
chmodSync(JSON.parse(readFileSync('package.json', 'utf8')).bin.briefbot, 0o755);
