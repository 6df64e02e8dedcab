/**
 * The questions behind `/ask` buttons. A custom_id holds at most 100 characters, so the
 * question (up to 500) is kept here under a short id, for as long as the buttons are useful.
 */
import { randomBytes } from 'node:crypto';

export const ASK_SESSION_TTL_MS = 15 * 60 * 1000;
export const ASK_SESSIONS_MAX = 5000;

export interface AskSession {
  question: string;
  /** Passages shown so far, in order (what feedback refers to). */
  passageIds: string[];
  expiresAt: number;
}

export class AskSessions {
  private readonly sessions = new Map<string, AskSession>();

  constructor(private readonly now: () => number = Date.now) {}

  create(question: string, passageIds: string[]): string {
    this.prune();
    const id = randomBytes(6).toString('base64url');
    this.sessions.set(id, { question, passageIds, expiresAt: this.now() + ASK_SESSION_TTL_MS });
    return id;
  }

  get(id: string): AskSession | null {
    const session = this.sessions.get(id);
    if (session === undefined) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return session;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
    while (this.sessions.size >= ASK_SESSIONS_MAX) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
  }
}
