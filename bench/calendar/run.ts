import { promises as fs } from 'fs';
import * as path from 'path';
import { checkCoverage } from '../../src/domain/coverage';
import { ENTGELT_TABLES, versionedTable } from '../../src/domain/defaults';
import { D } from '../../src/domain/money';
import type { WorkbookModel } from '../../src/domain/model';
import { collectGarbage, log, measure, round, summarise } from '../common/stats';
import { FIRST_YEAR, generate, toModel } from '../engine/generate';

/**
 * bench/calendar (issue 13): the full coverage check on 10.000 positions costed month by month – dated
 * TVöD tables (01.03.2024, 01.04.2025, 01.05.2026), `Tarifsteigerung ab`, KV/PV and RV/AV ceilings,
 * Leistungsentgelt, JSZ by grade band and a rising step (`Stufe seit`) on every third position – against the
 * same data with the first version's yearly model, measured interleaved in the same run (ratio v2/v1).
 *
 * Run alone: node --expose-gc scripts/run-ts.js bench/calendar/run.ts
 */
function calendarModel(base: WorkbookModel): WorkbookModel {
  const entgelt = versionedTable('Entgelt', ENTGELT_TABLES, `${FIRST_YEAR}-01-01`);
  return {
    ...base,
    parameter: {
      ...base.parameter,
      tarifsteigerungAb: `${FIRST_YEAR}-04-01`,
      leistungsentgelt: new D('0.02'),
      agKvPv: new D('0.1055'),
      bbgKvPv: new D('5812.5'),
      agRvAv: new D('0.106'),
      bbgRvAv: new D('8450'),
      jszNachGruppe: true,
    },
    entgelttabelle: entgelt,
    stellen: base.stellen.map((s, i) =>
      i % 3 === 0 ? { ...s, stufeSeit: `${FIRST_YEAR - 1}-0${1 + (i % 9)}-15` } : s,
    ),
  };
}

async function run(rounds = 7): Promise<void> {
  const v1 = toModel(generate(1));
  const v2 = calendarModel(toModel(generate(1)));
  log('calendar: aufwärmen …');
  checkCoverage(v1);
  checkCoverage(v2);
  const a = { wall: [] as number[], cpu: [] as number[] };
  const b = { wall: [] as number[], cpu: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    collectGarbage();
    const m1 = measure(() => checkCoverage(v1));
    a.wall.push(m1.wall);
    a.cpu.push(m1.cpu);
    collectGarbage();
    const m2 = measure(() => checkCoverage(v2));
    b.wall.push(m2.wall);
    b.cpu.push(m2.cpu);
    log(`calendar: Runde ${r + 1}/${rounds}: v1 ${round(m1.wall)} ms, v2 ${round(m2.wall)} ms`);
  }
  const first = summarise(a.wall, a.cpu);
  const calendar = summarise(b.wall, b.cpu);
  const result = {
    positions: v1.stellen.length,
    firstVersion: first,
    calendar,
    ratio: round(calendar.median / first.median, 2),
    cpuRatio: round((calendar.cpuMedian ?? 0) / (first.cpuMedian ?? 1), 2),
  };
  const out = path.join(process.cwd(), 'bench', 'results', 'calendar.json');
  await fs.writeFile(out, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

if (process.argv[1]?.endsWith(path.join('calendar', 'run.ts'))) void run();
