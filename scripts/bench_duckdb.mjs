// The figures gapscore computes for a benchmark shape, in DuckDB SQL over
// read_csv (which inflates .csv.gz itself): item lower-level (expectation,
// or adequate for a zone of tolerance), perception and difference means
// and SDs; dimension scores (mean of a respondent's valid items, at least
// min_items of them); NPS, CSAT and CES; overall and for each breakdown,
// as GROUPING SETS. With a weight column every figure is weighted as
// docs/METHODS.md says: means sum(w x) / sum(w), SDs with Kish's
// small-sample correction, shares of the weight.
//
// Usage: node bench_duckdb.mjs QUESTIONNAIRE.json DATA.csv[.gz] SHAPE.json THREADS
// SHAPE.json: {"breakdowns": [["region"], ["region", "channel"]], "weight": "weight" or null}
// Prints a JSON array on stdout: one object of figures per result, its
// "segment" the breakdown's col=value;col=value ("" for all rows).
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [questionnairePath, dataPath, shapePath, threads] = process.argv.slice(2);
const q = JSON.parse(readFileSync(questionnairePath, 'utf8'));
const shape = JSON.parse(readFileSync(shapePath, 'utf8'));
const w = shape.weight ? `"${shape.weight}"` : null;

// Mean and SD of an expression over the rows where it is not null.
const mean = (x) => (w ? `sum(${w} * (${x})) / sum(CASE WHEN (${x}) IS NOT NULL THEN ${w} END)` : `avg(${x})`);
const sd = (x) => {
  if (!w) return `stddev_samp(${x})`;
  const W = `sum(CASE WHEN (${x}) IS NOT NULL THEN ${w} END)`;
  const Q = `sum(CASE WHEN (${x}) IS NOT NULL THEN ${w} * ${w} END)`;
  const S1 = `sum(${w} * (${x}))`;
  const S2 = `sum(${w} * (${x}) * (${x}))`;
  const neff = `(${W} * ${W} / ${Q})`;
  return `sqrt((${S2} - ${S1} * ${S1} / ${W}) / ${W} * ${neff} / (${neff} - 1))`;
};
// The share, in percent, of the answers to `column` for which `test` holds.
const share = (column, test) =>
  w ? `100.0 * sum(CASE WHEN ${test} THEN ${w} ELSE 0 END) / sum(CASE WHEN ${column} IS NOT NULL THEN ${w} END)`
    : `100.0 * count_if(${test}) / count(${column})`;

const scored = [];
const selects = [];
for (const dimension of q.servqual.dimensions) {
  const k = dimension.items.length;
  const need = q.servqual.min_items ?? Math.ceil(k / 2);
  const lower = (it) => `"${it.expectation ?? it.adequate}"`;
  for (const [measure, value] of [
    ['e', lower],
    ['p', (it) => `"${it.perception}"`],
    ['g', (it) => `("${it.perception}" - ${lower(it)})`],
  ]) {
    const values = dimension.items.map(value);
    const sum = values.map((v) => `coalesce(${v}, 0)`).join(' + ');
    const count = values.map((v) => `(${v} IS NOT NULL)::INT`).join(' + ');
    scored.push(`CASE WHEN ${count} >= ${need} THEN (${sum}) / (${count}) END AS "${dimension.id}_${measure}"`);
    selects.push(`${mean(`"${dimension.id}_${measure}"`)} AS "${dimension.id}_${measure}_mean"`);
    selects.push(`${sd(`"${dimension.id}_${measure}"`)} AS "${dimension.id}_${measure}_sd"`);
  }
  for (const item of dimension.items) {
    const e = lower(item);
    const p = `"${item.perception}"`;
    for (const [measure, x] of [['e', e], ['p', p], ['g', `${p} - ${e}`]]) {
      selects.push(`${mean(x)} AS "${item.id}_${measure}_mean"`, `${sd(x)} AS "${item.id}_${measure}_sd"`);
    }
  }
}
selects.push(`${share('nps', 'nps >= 9')} - ${share('nps', 'nps <= 6')} AS nps_score`);
selects.push(`${share('csat', 'csat >= 4')} AS csat_score`);
selects.push(`${mean('ces')} AS ces_mean`, `${share('ces', 'ces >= 5')} AS ces_agree`);
selects.push('count(*) AS rows');

const columns = [...new Set(shape.breakdowns.flat())];
const sets = ['()', ...shape.breakdowns.map((b) => `(${b.map((c) => `"${c}"`).join(', ')})`)];
const sql = `
WITH rows AS (SELECT *, ${scored.join(', ')} FROM read_csv('${dataPath}', header = true))
SELECT ${columns.map((c) => `"${c}" AS "by_${c}", grouping("${c}") AS "absent_${c}"`).join(', ')},
       ${selects.join(', ')}
FROM rows GROUP BY GROUPING SETS (${sets.join(', ')})`;

const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const rows = reader.getRowObjectsJson().map((row) => {
  const parts = columns.filter((c) => Number(row[`absent_${c}`]) === 0).map((c) => `${c}=${row[`by_${c}`]}`);
  return { segment: parts.join(';'), ...row };
});
process.stdout.write(JSON.stringify(rows) + '\n');
