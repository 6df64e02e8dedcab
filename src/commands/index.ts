/** Every slash command, in one checked list: the deploy script registers it, the dispatcher handles it. */
import { askCommand } from './ask.js';
import { helpCommand } from './help.js';
import { quizCommand } from './quiz.js';
import { reindexCommand } from './reindex.js';
import { sourcesCommand } from './sources.js';
import { summaryCommand } from './summary.js';
import type { Command } from './types.js';

export const COMMANDS: readonly Command[] = [askCommand, sourcesCommand, summaryCommand, helpCommand, reindexCommand, quizCommand];
