/**
 * Every slash command, in one checked list: the deploy script registers it, the dispatcher handles it.
 * A new command is one file here exporting a `Command` (src/bot/command.ts): its names and
 * descriptions from src/messages/commands.ts through `localised`, its options read with
 * src/bot/options.ts, its suggestions with src/bot/autocomplete.ts, its words from src/messages.
 */
import { articleCommand } from './article.js';
import { askCommand } from './ask.js';
import { feedCommand } from './feed.js';
import { helpCommand } from './help.js';
import { quizCommand } from './quiz.js';
import { reindexCommand } from './reindex.js';
import { sourcesCommand } from './sources.js';
import { summaryCommand } from './summary.js';
import { timelineCommand } from './timeline.js';
import type { Command } from '../bot/command.js';

export const COMMANDS: readonly Command[] = [askCommand, sourcesCommand, summaryCommand, timelineCommand, helpCommand, reindexCommand, articleCommand, feedCommand, quizCommand];
