/**
 * Calendar days in a time zone. Every date the add-on compares is read in the spreadsheet's time zone (an IANA
 * name such as "Europe/Berlin", from Spreadsheet.getSpreadsheetTimeZone()), never the script's; pure code takes
 * the zone as an argument and never reads the clock.
 */

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
    } catch {
      throw new Error(`Unknown time zone "${timeZone}": use an IANA name such as "Europe/Berlin"`);
    }
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar day an instant falls on in the time zone, as a day number (0 = 1970-01-01), so that day
 * differences are plain subtraction.
 */
export function calendarDay(date: Date, timeZone: string): number {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatter(timeZone).formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day `count` working days after `day`, skipping Saturdays and Sundays, as Sheets' WORKDAY counts them. */
export function addBusinessDays(day: number, count: number): number {
  let result = day;
  let remaining = Math.ceil(count);
  while (remaining > 0) {
    result++;
    const w = weekday(result);
    if (w !== 0 && w !== 6) remaining--;
  }
  return result;
}
