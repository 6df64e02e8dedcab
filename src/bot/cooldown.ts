/** Per-user cooldown: one use per user per window. */
export class Cooldowns {
  private readonly lastUse = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a use and returns 0, or returns the milliseconds left without recording. */
  take(userId: string): number {
    const now = this.now();
    const last = this.lastUse.get(userId);
    if (last !== undefined && now - last < this.windowMs) return this.windowMs - (now - last);
    this.lastUse.set(userId, now);
    if (this.lastUse.size > 10_000) for (const [id, at] of this.lastUse) if (now - at >= this.windowMs) this.lastUse.delete(id);
    return 0;
  }
}
