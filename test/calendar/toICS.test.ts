/**
 * toICS on crafted events: RFC 5545 §3.3.11 text escaping, §3.1 folding at 75 octets without
 * splitting a UTF-8 character, which description lines appear, and bad events.
 */
import { describe, expect, it } from 'vitest';
import { SunshineInputError, toICS, type DeadlineEvent } from '../../src/index';

const event = (patch: Partial<DeadlineEvent> = {}): DeadlineEvent => ({
  kind: 'monthly',
  label: '报告',
  labelEn: 'report',
  policyId: 'p',
  period: '2026-01',
  due: '2026-02-28',
  nominalDue: '2026-02-28',
  rolled: false,
  provisional: false,
  who: undefined,
  to: undefined,
  note: undefined,
  citation: { policyId: 'p', document: '文件', clause: '§1' },
  ...patch,
});
const dtstamp = '2026-11-23T09:00:00+08:00'; // 01:00 UTC
const HEAD = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//sunshine-procurement//deadlines//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
/** Unfolds continuation lines (RFC 5545 §3.1) and splits the content lines. */
const contentLines = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('toICS on crafted events', () => {
  it('writes the whole calendar of one plain event', () => {
    expect(toICS([event()], { dtstamp })).toBe(
      [
        ...HEAD,
        'BEGIN:VEVENT',
        'UID:p.monthly.2026-01@sunshine-procurement',
        'DTSTAMP:20261123T010000Z',
        'DTSTART;VALUE=DATE:20260228',
        'DTEND;VALUE=DATE:20260301', // the day after 2026-02-28 (2026 is not a leap year)
        'SUMMARY:报告（2026-01）',
        'DESCRIPTION:依据：文件 §1\\nreport (2026-01)',
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('escapes backslash, semicolon, comma and line breaks in text values', () => {
    const text = toICS([event({ label: 'a\\b;c,d', note: 'one\ntwo\r\nthree' })], { dtstamp, name: 'x,y;z' });
    const lines = contentLines(text);
    expect(lines).toContain('X-WR-CALNAME:x\\,y\\;z');
    expect(lines).toContain('SUMMARY:a\\\\b\\;c\\,d（2026-01）');
    expect(lines).toContain('DESCRIPTION:依据：文件 §1\\none\\ntwo\\nthree\\nreport (2026-01)');
  });

  it('describes who reports to whom, a rolled date and a provisional year', () => {
    const lines = contentLines(toICS([event({ who: '医院', to: '医保局', rolled: true, nominalDue: '2026-02-27', provisional: true })], { dtstamp }));
    expect(lines).toContain(
      'DESCRIPTION:依据：文件 §1\\n报送：医院 → 医保局\\n原定 2026-02-27，遇休息日顺延至下一个工作日（民法典第二百零三条）\\n所在年份的节假日安排尚未发布，日期暂定\\nreport (2026-01)',
    );
    expect(contentLines(toICS([event({ who: '医院' })], { dtstamp }))).toContain('DESCRIPTION:依据：文件 §1\\n报送：医院\\nreport (2026-01)');
  });

  it('leaves out events without a due date', () => {
    const text = toICS([event({ due: null, nominalDue: null }), event({ period: '2026-02' })], { dtstamp });
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain('UID:p.monthly.2026-02@sunshine-procurement');
  });

  describe('folding (RFC 5545 §3.1)', () => {
    // 'X-WR-CALNAME:' is 13 octets
    it('keeps a line of exactly 75 octets whole', () => {
      const name = 'a'.repeat(62);
      expect(toICS([], { dtstamp, name }).split('\r\n')).toContain(`X-WR-CALNAME:${name}`);
    });
    it('folds a longer line: 75 octets, then continuation lines of a space and 74 octets', () => {
      const name = `${'a'.repeat(62)}${'b'.repeat(74)}c`;
      const lines = toICS([], { dtstamp, name }).split('\r\n');
      const at = lines.indexOf(`X-WR-CALNAME:${'a'.repeat(62)}`);
      expect(at).toBeGreaterThan(0);
      expect(lines.slice(at + 1, at + 3)).toEqual([` ${'b'.repeat(74)}`, ' c']);
    });
    it('never splits a Chinese character (3 octets in UTF-8)', () => {
      // 13 + 20 × 3 = 73 octets fit; the 21st character would make 76
      const name = '阳'.repeat(21);
      const lines = toICS([], { dtstamp, name }).split('\r\n');
      const at = lines.indexOf(`X-WR-CALNAME:${'阳'.repeat(20)}`);
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toBe(' 阳');
      // 13 + 3 × 20 = 73 ≤ 75 with 20 characters: one line
      expect(toICS([], { dtstamp, name: '阳'.repeat(20) }).split('\r\n')).toContain(`X-WR-CALNAME:${'阳'.repeat(20)}`);
    });
  });

  it('refuses bad input, naming the field', () => {
    expect(() => toICS('events' as never, { dtstamp })).toThrow('toICS: events expected an array of events from reportingSchedule, got "events"');
    expect(() => toICS([event(), event({ due: '2026-02-30' })], { dtstamp })).toThrow('toICS: events[1].due expected a real civil date "YYYY-MM-DD" or null, got "2026-02-30"');
    expect(() => toICS([], undefined as never)).toThrow('toICS: options.dtstamp expected an instant with an explicit offset such as "2026-11-23T09:00:00+08:00", got undefined');
    expect(() => toICS([], { dtstamp: '2026-11-23' })).toThrow(SunshineInputError);
  });
});
