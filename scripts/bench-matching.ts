import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { spawnSync } from 'node:child_process'
import { analyzeLab, analyzeRequest, buildMatchingCorpus, labPassages, requestPassage, textRelevanceScore, vectorsOf } from '../app/modules/matching/text-relevance'
import { encodeEnglish } from '../search/sentence-encoder'
import type { Bridging } from '../app/modules/matching/text-terms'

// Scores every (lab, request) pair of an expertise benchmark folder with the app's own text-relevance
// code, for the benchmark's score.mjs. Reads only labs.json, requests.json and pairs.json: never the
// judgements. Everything the scoring knows is learned from these files at run time. Beside FILE it
// writes FILE.same-language.json, the same model without linking Russian and English words. When the
// folder has judgements and a scorer is at hand (--scorer, or the shared benchmark's score.mjs), both
// are scored by it afterwards and the two losses printed as JSON.
//
//   npm run bench:matching -- --data DIR --out FILE [--scorer score.mjs]

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

const SHARED_SCORER = path.resolve('../shared/bench/expertise/score.mjs')

function parseArgs(argv: string[]): { data: string; out: string; scorer: string | null } {
  const usage = 'usage: npm run bench:matching -- --data DIR --out FILE [--scorer score.mjs]'
  const options: Record<string, string> = {}
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]]
    if (!['--data', '--out', '--scorer'].includes(flag) || value === undefined) fail(`unexpected argument "${flag}". ${usage}`)
    options[flag.slice(2)] = value
  }
  if (!options.data || !options.out) fail(usage)
  const scorer = options.scorer ?? (fs.existsSync(SHARED_SCORER) ? SHARED_SCORER : null)
  return { data: options.data, out: options.out, scorer }
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

/**
 * Scores every pair with the app's text relevance, linking words across languages or not. The
 * sentence vectors of the English texts (`made`) count in both: the model links no languages.
 */
function predict(bridging: Bridging, made: ReadonlyMap<string, Float32Array>) {
  const analyzedLabs = new Map(
    labs.map((lab) => [lab.id, { ...analyzeLab({ publications: lab.publications }, bridging), vectors: vectorsOf(labPassages({ publications: lab.publications }), made) }]),
  )
  const analyzedRequests = new Map(
    requests.map((request) => {
      const text = { title: request.title, problem: request.abstract }
      return [request.id, { ...analyzeRequest(text, bridging), vector: made.get(requestPassage(text)) ?? null }]
    }),
  )
  const corpus = buildMatchingCorpus(analyzedLabs.values(), analyzedRequests.values())
  return pairs.map((pair, index) => {
    const lab = analyzedLabs.get(pair.lab)
    const request = analyzedRequests.get(pair.request)
    if (!lab) fail(`pairs.json[${index}] names lab "${pair.lab}", which labs.json does not have`)
    if (!request) fail(`pairs.json[${index}] names request "${pair.request}", which requests.json does not have`)
    return { lab: pair.lab, request: pair.request, score: textRelevanceScore(corpus, lab, request) }
  })
}

function write(file: string, predictions: unknown): void {
  try {
    fs.writeFileSync(file, JSON.stringify(predictions))
  } catch (error) {
    fail(`cannot write ${file}: ${(error as Error).message}`)
  }
}

/**
 * The benchmark's own scorer on a predictions file, run as a separate program once the predictions are
 * written: only it reads the judgements. Null when the folder has no judgements or no scorer is known.
 */
function scoreWith(scorer: string | null, file: string): number | null {
  if (!scorer || !fs.existsSync(path.join(data, 'judgements.json'))) return null
  const run = spawnSync(process.execPath, [scorer, '--data', data, '--predictions', file], { encoding: 'utf8' })
  try {
    const result = JSON.parse(run.stdout) as { ok: boolean; loss?: number }
    return result.ok && typeof result.loss === 'number' ? Number(result.loss.toFixed(4)) : null
  } catch {
    return null
  }
}

const started = performance.now()
const { data, out, scorer } = parseArgs(process.argv.slice(2))
const labs = readJson(data, 'labs.json', labsSchema)
const requests = readJson(data, 'requests.json', requestsSchema)
const pairs = readJson(data, 'pairs.json', pairsSchema)

const made = await encodeEnglish([
  ...labs.flatMap((lab) => labPassages({ publications: lab.publications })),
  ...requests.map((request) => requestPassage({ title: request.title, problem: request.abstract })),
])
const predictions = predict('across-languages', made)
write(out, predictions)
const seconds = ((performance.now() - started) / 1000).toFixed(2)
const baselineFile = out.replace(/(\.json)?$/, '.same-language.json')
write(baselineFile, predict('same-language-only', made))
console.log(
  `bench:matching: ${predictions.length} predictions (${labs.length} labs, ${requests.length} requests) written to ${out} in ${seconds} s; ` +
    `the same-language-only baseline to ${baselineFile}`,
)
const loss = scoreWith(scorer, out)
if (loss !== null) console.log(JSON.stringify({ loss, sameLanguageOnlyLoss: scoreWith(scorer, baselineFile) }))
