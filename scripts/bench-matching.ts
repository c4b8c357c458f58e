import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import {
  analyzeLab,
  analyzeRequest,
  buildMatchingCorpus,
  scoreLabForRequest,
} from '../app/modules/matching/text-relevance'

// Scores every (lab, request) pair of an expertise benchmark folder with the app's own text-relevance
// code, for /work/shared/bench/expertise/score.mjs. Reads only labs.json, requests.json and pairs.json:
// never the judgements. Everything the scoring knows is learned from these files at run time.
//
//   npm run bench:matching -- --data DIR --out FILE

const labsSchema = z.array(
  z.object({
    id: z.string(),
    publications: z.array(z.object({ title: z.string(), abstract: z.string().nullable().optional() })),
  }),
)
const requestsSchema = z.array(z.object({ id: z.string(), title: z.string(), abstract: z.string().nullable().optional() }))
const pairsSchema = z.array(z.object({ lab: z.string(), request: z.string() }))

function fail(message: string): never {
  console.error(`bench:matching: ${message}`)
  process.exit(1)
}

function parseArgs(argv: string[]): { data: string; out: string } {
  const usage = 'usage: npm run bench:matching -- --data DIR --out FILE'
  const options: Record<string, string> = {}
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]]
    if (!['--data', '--out'].includes(flag) || value === undefined) fail(`unexpected argument "${flag}". ${usage}`)
    options[flag.slice(2)] = value
  }
  if (!options.data || !options.out) fail(usage)
  return { data: options.data, out: options.out }
}

function readJson<T>(dir: string, name: string, schema: z.ZodType<T>): T {
  const file = path.join(dir, name)
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    fail(`${file} is not valid JSON: ${(error as Error).message}`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    fail(`${file} has an unexpected shape at ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  return parsed.data
}

const started = performance.now()
const { data, out } = parseArgs(process.argv.slice(2))
const labs = readJson(data, 'labs.json', labsSchema)
const requests = readJson(data, 'requests.json', requestsSchema)
const pairs = readJson(data, 'pairs.json', pairsSchema)

const analyzedLabs = new Map(labs.map((lab) => [lab.id, analyzeLab({ publications: lab.publications })]))
const analyzedRequests = new Map(
  requests.map((request) => [request.id, analyzeRequest({ title: request.title, problem: request.abstract })]),
)
const corpus = buildMatchingCorpus(analyzedLabs.values(), analyzedRequests.values())

const predictions = pairs.map((pair, index) => {
  const lab = analyzedLabs.get(pair.lab)
  const request = analyzedRequests.get(pair.request)
  if (!lab) fail(`pairs.json[${index}] names lab "${pair.lab}", which labs.json does not have`)
  if (!request) fail(`pairs.json[${index}] names request "${pair.request}", which requests.json does not have`)
  return { lab: pair.lab, request: pair.request, score: scoreLabForRequest(corpus, lab, request).score }
})

try {
  fs.writeFileSync(out, JSON.stringify(predictions))
} catch (error) {
  fail(`cannot write ${out}: ${(error as Error).message}`)
}
const seconds = ((performance.now() - started) / 1000).toFixed(2)
console.log(
  `bench:matching: ${predictions.length} predictions (${labs.length} labs, ${requests.length} requests) written to ${out} in ${seconds} s`,
)
