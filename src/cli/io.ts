/** What the command-line programs (the CLI, `npm start`) read and write, and the exit codes they share. */

/** Where a run reads its environment and writes: the process's own in the programs, captured streams in tests. */
export interface CliIO {
  env: Readonly<Record<string, string | undefined>>;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Exit codes: 0 ok, 1 a bug, 2 a user error (bad input), 3 an evaluation below its floor, 4 a quiz on thin material. */
export const EXIT_BUG = 1;
export const EXIT_USER_ERROR = 2;
export const EXIT_BELOW_FLOOR = 3;
/** The quiz was made, but the material is thin: fewer questions than asked, or kinds with nothing to ask from. */
export const EXIT_THIN_MATERIAL = 4;
