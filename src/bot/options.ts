/**
 * Typed reading of slash command options. Discord checks choices, lengths and ranges before
 * sending, but a forged or stale interaction can carry anything: these check again and narrow
 * the type, so that no handler casts what it reads.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { ERROR_CODES, UserError } from '../errors.js';

/** A string option that must be one of `allowed`; null when not given. */
export function choiceOption<T extends string>(interaction: ChatInputCommandInteraction, name: string, allowed: readonly T[]): T | null {
  const value = interaction.options.getString(name);
  if (value === null) return null;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UserError(ERROR_CODES.BAD_OPTION, 'optionUnknownValues', { option: name, unknown: value, known: allowed.join(', ') });
  return found;
}

/** A text option, NFC and trimmed, at most `maxChars` long; null when not given or blank. */
export function textOption(interaction: ChatInputCommandInteraction, name: string, maxChars: number): string | null {
  const value = interaction.options.getString(name)?.normalize('NFC').trim() ?? '';
  if (value === '') return null;
  if (value.length > maxChars) throw new UserError(ERROR_CODES.BAD_OPTION, 'optionTooLong', { option: name, max: maxChars });
  return value;
}

/** A whole-number option within [min, max]; null when not given. */
export function integerOption(interaction: ChatInputCommandInteraction, name: string, min: number, max: number): number | null {
  const value = interaction.options.getInteger(name);
  if (value === null) return null;
  if (!Number.isInteger(value) || value < min || value > max) throw new UserError(ERROR_CODES.BAD_OPTION, 'optionRange', { option: name, min, max, value: String(value) });
  return value;
}
