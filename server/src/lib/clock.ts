/**
 * « Now » for answers that depend on the hour (a structure open now, the SNP finder): the
 * current minute, not the millisecond. Opening hours are given to the minute, so the answer is
 * the same all minute long — which lets identical requests of one minute share one answer
 * (lib/answer-cache.ts keys them by that minute).
 */
export function currentMinute(now: number = Date.now()): Date {
  return new Date(Math.floor(now / 60_000) * 60_000);
}
