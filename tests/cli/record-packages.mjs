// `node --import tests/cli/record-packages.mjs …`: appends the name of every package the program
// resolves (one a line) to the file named by BRIEFBOT_PACKAGES_FILE, for the smoke tests of what
// a start loads.
import { register } from 'node:module';

register('./record-packages-hooks.mjs', import.meta.url, { data: { file: process.env.BRIEFBOT_PACKAGES_FILE } });
