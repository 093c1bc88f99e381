// The figures gapscore computes for the benchmark shape, in DuckDB SQL over
// read_csv: item expectation, perception and gap means and SDs; dimension
// scores (mean of a respondent's valid items, at least min_items of them);
// NPS, CSAT and CES; overall and by one segment column.
//
// Usage: node bench_duckdb.mjs QUESTIONNAIRE.json DATA.csv SEGMENT THREADS
// Prints one JSON object of figures on stdout.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [questionnairePath, dataPath, segment, threads] = process.argv.slice(2);
const q = JSON.parse(readFileSync(questionnairePath, 'utf8'));

const scored = [];
const selects = [];
for (const dimension of q.servqual.dimensions) {
  const k = dimension.items.length;
  const need = q.servqual.min_items ?? Math.ceil(k / 2);
  for (const [measure, value] of [
    ['e', (it) => `"${it.expectation}"`],
    ['p', (it) => `"${it.perception}"`],
    ['g', (it) => `("${it.perception}" - "${it.expectation}")`],
  ]) {
    const values = dimension.items.map(value);
    const sum = values.map((v) => `coalesce(${v}, 0)`).join(' + ');
    const count = values.map((v) => `(${v} IS NOT NULL)::INT`).join(' + ');
    scored.push(`CASE WHEN ${count} >= ${need} THEN (${sum}) / (${count}) END AS "${dimension.id}_${measure}"`);
    selects.push(`avg("${dimension.id}_${measure}") AS "${dimension.id}_${measure}_mean"`);
    selects.push(`stddev_samp("${dimension.id}_${measure}") AS "${dimension.id}_${measure}_sd"`);
  }
  for (const item of dimension.items) {
    const e = `"${item.expectation}"`;
    const p = `"${item.perception}"`;
    selects.push(`avg(${e}) AS "${item.id}_e_mean"`, `stddev_samp(${e}) AS "${item.id}_e_sd"`);
    selects.push(`avg(${p}) AS "${item.id}_p_mean"`, `stddev_samp(${p}) AS "${item.id}_p_sd"`);
    selects.push(`avg(${p} - ${e}) AS "${item.id}_g_mean"`, `stddev_samp(${p} - ${e}) AS "${item.id}_g_sd"`);
  }
}
selects.push('100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / count(nps) AS nps_score');
selects.push('100.0 * count_if(csat >= 4) / count(csat) AS csat_score');
selects.push('avg(ces) AS ces_mean', '100.0 * count_if(ces >= 5) / count(ces) AS ces_agree');
selects.push('count(*) AS rows');

const sql = `
WITH rows AS (SELECT *, ${scored.join(', ')} FROM read_csv('${dataPath}', header = true))
SELECT "${segment}" AS segment, ${selects.join(', ')}
FROM rows GROUP BY GROUPING SETS ((), ("${segment}")) ORDER BY segment NULLS FIRST`;

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const rows = reader.getRowObjectsJson();
process.stdout.write(JSON.stringify(rows) + '\n');
