// npm run search:reindex [-- requests|labs|organisations|measures]: rebuilds search indexes from the database.
import { indexNames, type IndexName } from '../search/engine'
import { indexRegistry } from '../search/registry'
import { reindex } from '../search/sync'

const only = process.argv[2] as IndexName | undefined
if (only && !(indexNames as readonly string[]).includes(only)) {
  console.error(`Unknown index "${only}". Known: ${Object.keys(indexRegistry).join(', ')}`)
  process.exit(1)
}
const { db, database } = await import('../app/db.server')
const { searchEngine } = await import('../app/modules/search/engine.server')
console.log(`Reindexing ${only ?? 'all indexes'} into ${searchEngine.kind}…`)
try {
  const started = Date.now()
  const counts = await reindex(db, searchEngine, indexRegistry, only, ({ index, done, total }) => {
    process.stdout.write(`\r  ${index}: ${done}/${total}`)
    if (done === total) process.stdout.write('\n')
  })
  console.log(`Reindexed ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')} in ${Date.now() - started} ms.`)
} catch (error) {
  console.error(`Reindex failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  database.close()
}
