/**
 * The moment a note's "happened at" time of day refers to (`HH:MM` or `HH:MM:SS`, as a time field gives it,
 * on this device's clock): the latest such moment not after `now`. That is today, or yesterday when the time
 * has not come yet today, so a note written at 00:10 about a restart at 23:50 lands before midnight.
 * Undefined when the text is not a time of day.
 */
export function latestTimeOfDay(hhmm: string, now: Date): Date | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(hhmm.trim());
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const at = new Date(now);
  at.setHours(hours, minutes, seconds, 0);
  if (at.getTime() > now.getTime()) at.setDate(at.getDate() - 1);
  return at;
}
