// npm test: everything the suite needs, then every test, then one summary line.
// Installs Debian's Chromium when it is missing (never a downloaded browser), builds the app,
// runs vitest (unit, integration, contract) and Playwright (end to end in Chromium).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const CHROMIUM = '/usr/bin/chromium'
const RESULTS = 'test-results'

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n$ ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status ?? 1
}

function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return
  console.log('Chromium is missing: installing Debian’s package…')
  const code = run('sh', ['-c', 'apt-get update && apt-get install -y chromium'])
  if (code !== 0 || !fs.existsSync(CHROMIUM)) {
    console.error(`Could not install Chromium at ${CHROMIUM}; the browser tests need it.`)
    process.exit(1)
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T
  } catch {
    return null
  }
}

ensureChromium()
fs.rmSync(RESULTS, { recursive: true, force: true })
fs.mkdirSync(RESULTS, { recursive: true })

if (run('npx', ['remix', 'build']) !== 0) {
  console.error('The build failed.')
  console.log('0 passed, 1 failed')
  process.exit(1)
}

const only = process.argv[2]
const vitestCode =
  only === 'e2e' ? 0 : run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/vitest.json`])
const playwrightCode =
  only === 'unit' ? 0 : run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/playwright.json` })

type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
type PlaywrightReport = { stats: { expected: number; unexpected: number; skipped: number; flaky: number } }
const vitest = readJson<VitestReport>(`${RESULTS}/vitest.json`)
const playwright = readJson<PlaywrightReport>(`${RESULTS}/playwright.json`)

let passed = 0
let failed = 0
let skipped = 0
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
} else if (only !== 'e2e') failed++
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky
  failed += playwright.stats.unexpected
  skipped += playwright.stats.skipped
} else if (only !== 'unit') failed++

// A runner that failed without a report (a crash, a broken config) still counts as a failure.
if (vitestCode !== 0 && failed === 0) failed++
if (playwrightCode !== 0 && failed === 0) failed++

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
