import fs from 'node:fs'
import path from 'node:path'
import type { DemoLab } from '../db/seed/demo-labs'
import { crosslangLabs } from '../tests/fixtures/matching/crosslang-labs'
import { crosslangEnglishRequests, crosslangRequests, crosslangRussianRequests, type CrosslangRequest } from '../tests/fixtures/matching/crosslang-requests'
import { fixtureLabs } from '../tests/fixtures/matching/labs'

// Writes the hand-labelled cross-language fixture in the expertise benchmark's format
// (/work/shared/bench/expertise/README.md), so that `npm run bench:matching` and score.mjs run on it
// unchanged: labs.json, requests.json, pairs.json (every lab × every request) and judgements.json
// (the expert's ratings). Every lab of the fixtures is a candidate; a lab's name, description and
// keywords go in as one more publication, so that its profile text counts as the app's does.
//
//   npx tsx scripts/fixture-to-bench.ts OUTDIR [--requests all|ru|en]
//
// `--requests ru` keeps only the Russian requests, the shape of the held-back Russian probe.

const usage = 'usage: npx tsx scripts/fixture-to-bench.ts OUTDIR [--requests all|ru|en]'

function fail(message: string): never {
  console.error(`fixture-to-bench: ${message}`)
  process.exit(1)
}

function parseArgs(argv: string[]): { outDir: string; requests: CrosslangRequest[] } {
  let outDir: string | undefined
  let which = 'all'
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--requests') which = argv[++i] ?? fail(usage)
    else if (argv[i].startsWith('--') || outDir !== undefined) fail(`unexpected argument "${argv[i]}". ${usage}`)
    else outDir = argv[i]
  }
  if (!outDir) fail(usage)
  const requests = { all: crosslangRequests, ru: crosslangRussianRequests, en: crosslangEnglishRequests }[which]
  if (!requests) fail(`--requests must be all, ru or en, not "${which}"`)
  return { outDir, requests }
}

function benchLab(lab: DemoLab) {
  const profile = { id: `${lab.key}/profile`, title: lab.name, abstract: `${lab.description} ${lab.keywords.join(', ')}.`, year: null }
  const publications = lab.publications.map((p, i) => ({ id: `${lab.key}/p${i + 1}`, title: p.title, abstract: p.abstract, year: p.year }))
  return { id: lab.key, publications: [profile, ...publications] }
}

function benchRequest(r: CrosslangRequest) {
  return { id: r.key, title: r.title, abstract: `${r.problem} ${r.expectedResult} ${r.keywords.join(', ')}.` }
}

/** One array entry per line: small diffs, and still plain JSON. */
function writeJsonArray(file: string, items: unknown[]) {
  fs.writeFileSync(file, `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`)
}

const { outDir, requests } = parseArgs(process.argv.slice(2))
const labs = [...fixtureLabs, ...crosslangLabs]
const labKeys = new Set(labs.map((lab) => lab.key))
const judgements = requests.flatMap((r) =>
  Object.entries(r.judgements).map(([lab, expertise]) => {
    if (!labKeys.has(lab)) fail(`request ${r.key} judges ${lab}, which is not a fixture lab`)
    return { lab, request: r.key, expertise }
  }),
)

fs.mkdirSync(outDir, { recursive: true })
console.info(`fixture-to-bench: writing ${labs.length} labs and ${requests.length} requests to ${outDir}`)
writeJsonArray(path.join(outDir, 'labs.json'), labs.map(benchLab))
writeJsonArray(path.join(outDir, 'requests.json'), requests.map(benchRequest))
writeJsonArray(path.join(outDir, 'pairs.json'), labs.flatMap((lab) => requests.map((r) => ({ lab: lab.key, request: r.key }))))
writeJsonArray(path.join(outDir, 'judgements.json'), judgements)
console.info(`fixture-to-bench: done, ${labs.length * requests.length} pairs, ${judgements.length} judgements`)
