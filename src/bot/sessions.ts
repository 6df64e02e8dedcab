/**
 * What buttons refer back to. A custom_id holds at most 100 characters, so a question (up to
 * 1000) or a timeline's request is kept here under a short id, for as long as its buttons are
 * useful.
 */
import { randomBytes } from 'node:crypto';
import type { TimelineQuery } from '../briefing/types.js';

/** How long an answer's or a timeline's buttons work: as long as Discord lets the bot edit its interaction reply. */
export const SESSION_TTL_MS = 15 * 60 * 1000;
/** Sessions kept at most per kind, the oldest dropped first: bounds memory whatever the traffic. */
export const SESSIONS_MAX = 5000;

export interface AskSession {
  question: string;
  /** Passages shown so far, in order (what feedback refers to). */
  passageIds: string[];
}

export class Sessions<T> {
  private readonly sessions = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  create(value: T): string {
    this.prune();
    const id = randomBytes(6).toString('base64url');
    this.sessions.set(id, { value, expiresAt: this.now() + SESSION_TTL_MS });
    return id;
  }

  get(id: string): T | null {
    const session = this.sessions.get(id);
    if (session === undefined) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return session.value;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
    while (this.sessions.size >= SESSIONS_MAX) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
  }
}

/** Every kind of session the bot keeps, one store each. */
export interface BotSessions {
  ask: Sessions<AskSession>;
  timeline: Sessions<TimelineQuery>;
}

export function createSessions(now: () => number = Date.now): BotSessions {
  return { ask: new Sessions(now), timeline: new Sessions(now) };
}
