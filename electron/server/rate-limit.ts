// Sign-in attempts are limited: after 5 failures for one name within 15 minutes that name is
// refused (from anywhere) until the oldest failure is 15 minutes old, and after 20 failures from
// one address, that address is. A refused attempt is not checked at all, so guessing stops. Kept
// in the server's memory: a restart forgets it (the hashing cost still bounds guessing).

export interface LimitRule {
  failures: number;
  windowMs: number;
}

export const NAME_RULE: LimitRule = { failures: 5, windowMs: 15 * 60_000 };
export const ADDRESS_RULE: LimitRule = { failures: 20, windowMs: 15 * 60_000 };

class FailureLog {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly rule: LimitRule) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.rule.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }

  /** Milliseconds until the key may try again (0: now). */
  wait(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length >= this.rule.failures ? recent[recent.length - this.rule.failures]! + this.rule.windowMs - now : 0;
  }

  /** Notes a failed attempt now. */
  record(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 100_000) this.failures.clear();
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

export function loginLimiter(rules = { name: NAME_RULE, address: ADDRESS_RULE }, clock = () => Date.now()) {
  const names = new FailureLog(rules.name);
  const addresses = new FailureLog(rules.address);
  return {
    /** Milliseconds to wait before this name may be tried from this address (0: go ahead). */
    wait: (name: string, address: string) => Math.max(names.wait(name, clock()), addresses.wait(address, clock())),
    failed(name: string, address: string) {
      names.record(name, clock());
      addresses.record(address, clock());
    },
    succeeded(name: string) {
      names.clear(name);
    },
  };
}

export type LoginLimiter = ReturnType<typeof loginLimiter>;
