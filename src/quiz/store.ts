/**
 * Quiz persistence in one SQLite file (better-sqlite3, WAL): games, questions asked, every
 * answer (recorded the moment it is accepted), and per-server cumulative scores, which are
 * added up when a game ends. Schema versions are tracked with `PRAGMA user_version`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AnswerRecord, EndReason, GameSettings, PlayerStanding } from './game.js';
import type { QuizQuestion } from './types.js';
import { shownTexts } from './shown.js';

export const QUIZ_LEADERBOARD_DEFAULT_SIZE = 10;
export const QUIZ_WEEK_MS = 7 * 24 * 60 * 60 * 1000;
export const QUIZ_MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** `week` and `month` are rolling windows (last 7 and 30 days) over the answers' timestamps. */
export const LEADERBOARD_PERIODS = ['all', 'week', 'month'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

export type StoredGameState = 'running' | EndReason;

export interface StoredGame {
  id: string;
  guildId: string;
  channelId: string;
  hostId: string;
  settings: GameSettings;
  state: StoredGameState;
  startedAt: number;
  endedAt: number | null;
}

export interface StoredQuestion {
  index: number;
  question: QuizQuestion;
  startedAt: number;
  endsAt: number;
  /** The chat message showing the question, once an adapter has posted it. */
  messageId?: string | null;
}

/** A player's line in the server's standings: a game standing without the streak. */
export type LeaderboardRow = Omit<PlayerStanding, 'bestStreak'>;

export interface PlayerStats {
  userId: string;
  displayName: string;
  points: number;
  correct: number;
  answered: number;
  games: number;
  bestStreak: number;
  /** Rank on the server's all-time leaderboard, or null when the player has no finished game yet. */
  rank: number | null;
}

/** A guild id for games outside a server (direct messages): scores there are kept apart. */
export const NO_GUILD = '@dm';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE games (
     id TEXT PRIMARY KEY,
     guild_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     host_id TEXT NOT NULL,
     settings TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'stopped', 'interrupted')),
     started_at INTEGER NOT NULL,
     ended_at INTEGER
   );
   CREATE INDEX games_state ON games (state);
   CREATE TABLE questions (
     game_id TEXT NOT NULL REFERENCES games (id),
     idx INTEGER NOT NULL,
     question TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     ends_at INTEGER NOT NULL,
     PRIMARY KEY (game_id, idx)
   );
   CREATE TABLE answers (
     game_id TEXT NOT NULL REFERENCES games (id),
     question_idx INTEGER NOT NULL,
     user_id TEXT NOT NULL,
     display_name TEXT NOT NULL,
     choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND 3),
     correct INTEGER NOT NULL,
     elapsed_ms INTEGER NOT NULL,
     points INTEGER NOT NULL,
     streak INTEGER NOT NULL,
     at INTEGER NOT NULL,
     UNIQUE (game_id, question_idx, user_id)
   );
   CREATE INDEX answers_at ON answers (at);
   CREATE TABLE scores (
     guild_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     display_name TEXT NOT NULL,
     points INTEGER NOT NULL,
     correct INTEGER NOT NULL,
     answered INTEGER NOT NULL,
     games INTEGER NOT NULL,
     best_streak INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (guild_id, user_id)
   );`,
  // The Discord message that shows a question, so a restarted bot can disable its buttons.
  `ALTER TABLE questions ADD COLUMN message_id TEXT;`,
];

interface GameRow {
  id: string;
  guild_id: string;
  channel_id: string;
  host_id: string;
  settings: string;
  state: StoredGameState;
  started_at: number;
  ended_at: number | null;
}

interface AnswerRow {
  question_idx: number;
  user_id: string;
  display_name: string;
  correct: number;
  points: number;
  at: number;
}

function gameFromRow(row: GameRow): StoredGame {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    hostId: row.host_id,
    settings: JSON.parse(row.settings) as GameSettings,
    state: row.state,
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

export class QuizStore {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating folder, file and schema on first use) the quiz database. `:memory:` works for tests. */
  static open(file: string): QuizStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const store = new QuizStore(db);
    store.migrate();
    return store;
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  get journalMode(): string {
    return this.db.pragma('journal_mode', { simple: true }) as string;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  createGame(game: Omit<StoredGame, 'state' | 'endedAt'>): void {
    this.db
      .prepare(`INSERT INTO games (id, guild_id, channel_id, host_id, settings, state, started_at) VALUES (?, ?, ?, ?, ?, 'running', ?)`)
      .run(game.id, game.guildId, game.channelId, game.hostId, JSON.stringify(game.settings), game.startedAt);
  }

  recordQuestion(gameId: string, asked: StoredQuestion): void {
    this.db
      .prepare(`INSERT OR IGNORE INTO questions (game_id, idx, question, started_at, ends_at) VALUES (?, ?, ?, ?, ?)`)
      .run(gameId, asked.index, JSON.stringify(asked.question), asked.startedAt, asked.endsAt);
  }

  setQuestionMessage(gameId: string, index: number, messageId: string): void {
    this.db.prepare(`UPDATE questions SET message_id = ? WHERE game_id = ? AND idx = ?`).run(messageId, gameId, index);
  }

  /** Records an accepted answer; false when this player already has one for that question. */
  recordAnswer(answer: AnswerRecord): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO answers (game_id, question_idx, user_id, display_name, choice, correct, elapsed_ms, points, streak, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        answer.gameId,
        answer.questionIndex,
        answer.userId,
        answer.displayName,
        answer.choice,
        answer.correct ? 1 : 0,
        Math.round(answer.elapsedMs),
        answer.points,
        answer.streak,
        answer.at,
      );
    return result.changes === 1;
  }

  game(gameId: string): StoredGame | null {
    const row = this.db.prepare(`SELECT * FROM games WHERE id = ?`).get(gameId) as GameRow | undefined;
    return row ? gameFromRow(row) : null;
  }

  runningGames(): StoredGame[] {
    return (this.db.prepare(`SELECT * FROM games WHERE state = 'running' ORDER BY started_at`).all() as GameRow[]).map(gameFromRow);
  }

  /**
   * What the questions asked in a channel's last `games` games (newest first) showed (`shownTexts`: their
   * source sentences and event choices), and those games: what the next game there shows only once the
   * rest of the briefing is used.
   */
  recentlyShown(channelId: string, games: number): { gameIds: string[]; shown: string[] } {
    const ids = (this.db.prepare(`SELECT id FROM games WHERE channel_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?`).all(channelId, games) as Array<{ id: string }>).map((r) => r.id);
    const shown = ids.flatMap((id) => this.questionsAsked(id).flatMap((q) => shownTexts(q.question)));
    return { gameIds: ids, shown: [...new Set(shown)] };
  }

  questionsAsked(gameId: string): StoredQuestion[] {
    const rows = this.db
      .prepare(`SELECT idx, question, started_at, ends_at, message_id FROM questions WHERE game_id = ? ORDER BY idx`)
      .all(gameId) as Array<{ idx: number; question: string; started_at: number; ends_at: number; message_id: string | null }>;
    return rows.map((r) => ({ index: r.idx, question: JSON.parse(r.question) as QuizQuestion, startedAt: r.started_at, endsAt: r.ends_at, messageId: r.message_id }));
  }

  /**
   * Each player's totals for one game, rebuilt from the recorded answers alone (what a restart
   * relies on). A question asked but not answered breaks a streak, like a wrong answer.
   */
  gameTotals(gameId: string): PlayerStanding[] {
    const answers = this.db
      .prepare(`SELECT question_idx, user_id, display_name, correct, points, at FROM answers WHERE game_id = ? ORDER BY question_idx, at`)
      .all(gameId) as AnswerRow[];
    const byUser = new Map<string, { displayName: string; points: number; correct: number; answered: number; bestStreak: number; streak: number; lastIdx: number; firstAt: number }>();
    for (const a of answers) {
      const p = byUser.get(a.user_id) ?? { displayName: a.display_name, points: 0, correct: 0, answered: 0, bestStreak: 0, streak: 0, lastIdx: -2, firstAt: a.at };
      p.displayName = a.display_name;
      p.points += a.points;
      p.answered += 1;
      if (a.correct) {
        p.correct += 1;
        p.streak = p.lastIdx === a.question_idx - 1 ? p.streak + 1 : 1;
        p.bestStreak = Math.max(p.bestStreak, p.streak);
      } else {
        p.streak = 0;
      }
      p.lastIdx = a.question_idx;
      byUser.set(a.user_id, p);
    }
    return [...byUser.entries()]
      .sort(([, a], [, b]) => b.points - a.points || b.correct - a.correct || a.firstAt - b.firstAt)
      .map(([userId, p], i) => ({
        rank: i + 1,
        userId,
        displayName: p.displayName,
        points: p.points,
        correct: p.correct,
        answered: p.answered,
        bestStreak: p.bestStreak,
      }));
  }

  /**
   * Marks a running game ended and adds its players' totals to the server's cumulative scores,
   * in one transaction. Returns false (and changes nothing) when the game had already ended.
   */
  finishGame(gameId: string, reason: EndReason, endedAt: number, totals: readonly PlayerStanding[]): boolean {
    const finish = this.db.transaction((): boolean => {
      const ended = this.db.prepare(`UPDATE games SET state = ?, ended_at = ? WHERE id = ? AND state = 'running'`).run(reason, endedAt, gameId);
      if (ended.changes !== 1) return false;
      const game = this.game(gameId);
      if (!game) return false;
      const upsert = this.db.prepare(
        `INSERT INTO scores (guild_id, user_id, display_name, points, correct, answered, games, best_streak, updated_at)
         VALUES (@guild, @user, @name, @points, @correct, @answered, 1, @streak, @at)
         ON CONFLICT (guild_id, user_id) DO UPDATE SET
           display_name = excluded.display_name,
           points = points + excluded.points,
           correct = correct + excluded.correct,
           answered = answered + excluded.answered,
           games = games + 1,
           best_streak = MAX(best_streak, excluded.best_streak),
           updated_at = excluded.updated_at`,
      );
      for (const t of totals) {
        upsert.run({ guild: game.guildId, user: t.userId, name: t.displayName, points: t.points, correct: t.correct, answered: t.answered, streak: t.bestStreak, at: endedAt });
      }
      return true;
    });
    return finish.immediate();
  }

  /** Best players of a server: `all` from cumulative scores, `week`/`month` from answers in that window. */
  leaderboard(guildId: string, period: LeaderboardPeriod, now: number, limit = QUIZ_LEADERBOARD_DEFAULT_SIZE): LeaderboardRow[] {
    type Row = { user_id: string; display_name: string; points: number; correct: number; answered: number };
    const rows =
      period === 'all'
        ? (this.db
            .prepare(`SELECT user_id, display_name, points, correct, answered FROM scores WHERE guild_id = ? ORDER BY points DESC, correct DESC, updated_at ASC LIMIT ?`)
            .all(guildId, limit) as Row[])
        : (this.db
            .prepare(
              `SELECT a.user_id, MAX(a.display_name) AS display_name, SUM(a.points) AS points, SUM(a.correct) AS correct, COUNT(*) AS answered
               FROM answers a JOIN games g ON g.id = a.game_id
               WHERE g.guild_id = ? AND a.at >= ?
               GROUP BY a.user_id ORDER BY points DESC, correct DESC, MIN(a.at) ASC LIMIT ?`,
            )
            .all(guildId, now - (period === 'week' ? QUIZ_WEEK_MS : QUIZ_MONTH_MS), limit) as Row[]);
    return rows.map((r, i) => ({ rank: i + 1, userId: r.user_id, displayName: r.display_name, points: r.points, correct: r.correct, answered: r.answered }));
  }

  /** A player's cumulative numbers on one server, or null when they never finished a game there. */
  playerStats(guildId: string, userId: string): PlayerStats | null {
    const row = this.db.prepare(`SELECT * FROM scores WHERE guild_id = ? AND user_id = ?`).get(guildId, userId) as
      | { display_name: string; points: number; correct: number; answered: number; games: number; best_streak: number }
      | undefined;
    if (!row) return null;
    const ahead = this.db.prepare(`SELECT COUNT(*) AS n FROM scores WHERE guild_id = ? AND points > ?`).get(guildId, row.points) as { n: number };
    return {
      userId,
      displayName: row.display_name,
      points: row.points,
      correct: row.correct,
      answered: row.answered,
      games: row.games,
      bestStreak: row.best_streak,
      rank: ahead.n + 1,
    };
  }

  private migrate(): void {
    const from = this.schemaVersion;
    for (let version = from; version < MIGRATIONS.length; version += 1) {
      const sql = MIGRATIONS[version];
      if (sql === undefined) break;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${version + 1}`);
      })();
    }
  }
}
