/**
 * Prints the 2026 reporting schedules of jiangsu-2022 and ganzhou-2023 as a table and
 * writes them as an iCalendar file next to this script (examples/deadlines-2026.ics).
 * Run: `npm run example:deadlines`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getPolicy, reportingSchedule, toICS, type DeadlineEvent } from '../src/index';
import { table } from './table';

const events: DeadlineEvent[] = [];
for (const id of ['jiangsu-2022', 'ganzhou-2023'] as const) {
  const policy = getPolicy(id);
  const schedule = reportingSchedule(policy, { year: 2026 });
  events.push(...schedule);
  console.log(`\n${policy.document}（${policy.id}）2026年报送时间表\n`);
  console.log(
    table(
      ['事项', '所属期', '文件规定日期', '截止日期', '说明', '依据'],
      schedule.map((e) => [
        e.label,
        e.period,
        e.nominalDue ?? '—',
        e.due ?? '未规定',
        e.provisional ? '暂定：次年节假日安排未发布' : e.rolled ? '遇休息日顺延' : e.due === null ? '文件未规定日期' : '',
        e.citation.clause,
      ]),
    ),
  );
}

// The library reads no clock: the script passes the stamp (here, the time it runs).
const dtstamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const file = join(dirname(fileURLToPath(import.meta.url)), 'deadlines-2026.ics');
writeFileSync(file, toICS(events, { dtstamp, name: '阳光采购报送时间表 2026' }));
console.log(`\n已写入 / written: ${file}（${events.filter((e) => e.due !== null).length} 个日程）`);
