import { describe, expect, it } from 'vitest';
import { latestTimeOfDay } from '../../../core/incident/noteTime';

// Local-clock dates, as the note form reads them: the test holds in any time zone.
const at = (day: number, hours: number, minutes: number, seconds = 0) => new Date(2026, 11, day, hours, minutes, seconds);

describe('latestTimeOfDay (a note about something done before the app was opened)', () => {
  it('is today when that time has passed', () => {
    expect(latestTimeOfDay('06:05', at(5, 6, 20))).toEqual(at(5, 6, 5));
    expect(latestTimeOfDay('06:20:30', at(5, 6, 20, 45))).toEqual(at(5, 6, 20, 30));
    expect(latestTimeOfDay('06:20', at(5, 6, 20, 15))).toEqual(at(5, 6, 20));
  });

  it('is yesterday when the time has not come yet today, so a restart at 23:50 noted at 00:10 stays before midnight', () => {
    expect(latestTimeOfDay('23:50', at(5, 0, 10))).toEqual(at(4, 23, 50));
    expect(latestTimeOfDay('06:21', at(1, 6, 20))).toEqual(new Date(2026, 10, 30, 6, 21));
  });

  it('refuses what is not a time of day', () => {
    for (const text of ['', 'soon', '24:00', '12:60', '12:00:61', '1200', '12:5'])
      expect(latestTimeOfDay(text, at(5, 12, 0))).toBeUndefined();
  });
});
