import { VECTOR_SIZE } from '#search/sentence-encoder'
import type { DocumentVectors } from './semantic-relevance'
import type { AnalyzedLab, AnalyzedRequest } from './text-relevance'
import type { Reach, Script } from './text-terms'

// How analysed texts are kept in match_profiles. A lab's postings are a flat array of 32-bit words,
// term ids sorted, so that scoring one request looks up its few terms by binary search instead of
// parsing the lab's whole vocabulary: at 200 candidate labs per proposal, decoding JSON postings
// alone took ~50 ms on the machine we measure on; the binary lookup takes ~2 ms.
//
//   [documentCount, length × documentCount, termCount, termId × termCount (ascending),
//    offset × (termCount + 1) (into the pairs, in pairs), (document, count) pairs …]

/** A request's term as stored: its id in match_term_stats, the term, its first spelling, its count. */
export type StoredRequestTerm = [id: number, term: string, surface: string, count: number]
/** A lab's term as stored for searching: its id and its first spelling in the lab's texts. */
export type StoredLabSurface = [id: number, surface: string]

export function encodeLabPostings(documentLengths: readonly number[], postings: ReadonlyMap<number, readonly (readonly [number, number])[]>): Uint8Array {
  const ids = [...postings.keys()].sort((a, b) => a - b)
  const pairCount = ids.reduce((sum, id) => sum + postings.get(id)!.length, 0)
  const words = new Uint32Array(1 + documentLengths.length + 1 + ids.length + ids.length + 1 + 2 * pairCount)
  let at = 0
  words[at++] = documentLengths.length
  for (const length of documentLengths) words[at++] = length
  words[at++] = ids.length
  for (const id of ids) words[at++] = id
  let offset = 0
  for (const id of ids) {
    words[at++] = offset
    offset += postings.get(id)!.length
  }
  words[at++] = offset
  for (const id of ids) {
    for (const [document, count] of postings.get(id)!) {
      words[at++] = document
      words[at++] = count
    }
  }
  return new Uint8Array(words.buffer)
}

/** A lab's stored postings, read in place. */
export class LabPostings {
  readonly documentLengths: number[]
  private readonly words: Uint32Array
  private readonly termCount: number
  private readonly idsAt: number
  private readonly offsetsAt: number
  private readonly pairsAt: number

  constructor(bytes: Uint8Array) {
    // A Uint32Array view needs 4-byte alignment; a buffer handed out by SQLite may not have it.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes)
    this.words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 2)
    const documentCount = this.words[0]
    this.documentLengths = Array.from(this.words.subarray(1, 1 + documentCount))
    this.termCount = this.words[1 + documentCount]
    this.idsAt = 2 + documentCount
    this.offsetsAt = this.idsAt + this.termCount
    this.pairsAt = this.offsetsAt + this.termCount + 1
  }

  /** The (document, count) pairs of a term, or undefined when no text of the lab holds it. */
  get(termId: number): [number, number][] | undefined {
    let low = 0
    let high = this.termCount - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const id = this.words[this.idsAt + middle]
      if (id < termId) low = middle + 1
      else if (id > termId) high = middle - 1
      else return this.pairsOf(middle)
    }
    return undefined
  }

  /** Every term id with its occurrences over all the lab's texts. */
  termCounts(): Map<number, number> {
    const counts = new Map<number, number>()
    for (let i = 0; i < this.termCount; i++) {
      let total = 0
      for (const [, count] of this.pairsOf(i)) total += count
      counts.set(this.words[this.idsAt + i], total)
    }
    return counts
  }

  private pairsOf(index: number): [number, number][] {
    const from = this.words[this.offsetsAt + index]
    const to = this.words[this.offsetsAt + index + 1]
    const pairs: [number, number][] = []
    for (let p = from; p < to; p++) pairs.push([this.words[this.pairsAt + 2 * p], this.words[this.pairsAt + 2 * p + 1]])
    return pairs
  }
}

/**
 * A request's analysed text, keyed by term, rebuilt from its stored terms and its length (which
 * counts its words and word pairs, not the cognate keys and reversed pairs that only link it to
 * another language).
 */
export function requestTextOf(terms: readonly StoredRequestTerm[], length: number, reach: Reach, vector: Float32Array | null): AnalyzedRequest {
  const counts = new Map<string, number>()
  const surfaces = new Map<string, string>()
  for (const [, term, surface, count] of terms) {
    counts.set(term, count)
    surfaces.set(term, surface)
  }
  return { counts, surfaces, length, reach, script: reach.cyrillic >= reach.latin ? 'cyrillic' : 'latin', vector }
}

/** Each of a lab's texts' scripts, one letter a text, as kept in its facts. */
export function encodeScripts(scripts: readonly Script[]): string {
  return scripts.map((script) => (script === 'latin' ? 'l' : 'c')).join('')
}

function scriptAt(scripts: string, index: number): Script {
  return scripts[index] === 'l' ? 'latin' : 'cyrillic'
}

/**
 * The part of a lab's texts that scoring a request reads: the request's terms only, keyed as the
 * request keys them. The relevance model visits nothing else, so the score is the same as with the
 * lab's full texts.
 */
export function labTextFor(
  lab: LabPostings,
  titles: readonly (string | null)[] | null,
  requestTerms: readonly StoredRequestTerm[],
  /** Its texts' scripts (encodeScripts). */
  scripts: string,
  /** Its texts' sentence vectors, as its profile keeps them. */
  vectors: DocumentVectors | null,
  /** The lab's own spelling of each term id, to explain a match across languages. */
  labSurfaces?: ReadonlyMap<number, string>,
): AnalyzedLab {
  const postings: AnalyzedLab['postings'] = new Map()
  const surfaces = new Map<string, string>()
  for (const [id, term] of requestTerms) {
    const pairs = lab.get(id)
    if (!pairs) continue
    postings.set(term, pairs)
    const surface = labSurfaces?.get(id)
    if (surface) surfaces.set(term, surface)
  }
  return {
    documents: lab.documentLengths.map((length, i) => ({ publicationTitle: titles?.[i] ?? null, length, script: scriptAt(scripts, i) })),
    postings,
    surfaces,
    vectors,
  }
}

/**
 * Sentence vectors as kept: each unit vector's components as signed bytes of its largest magnitude
 * (a cosine moves by well under 0.01), a fourth of the space of 32-bit floats.
 *   [count, scale × count (float32; 0 for a text without a vector), component × VECTOR_SIZE × count (int8)]
 */
export function encodeVectors(vectors: DocumentVectors): Uint8Array {
  const size = VECTOR_SIZE
  const bytes = new Uint8Array(4 + 4 * vectors.length + size * vectors.length)
  new Uint32Array(bytes.buffer, 0, 1)[0] = vectors.length
  const scales = new Float32Array(bytes.buffer, 4, vectors.length)
  const components = new Int8Array(bytes.buffer, 4 + 4 * vectors.length)
  vectors.forEach((vector, index) => {
    if (!vector) return
    const largest = vector.reduce((max, value) => Math.max(max, Math.abs(value)), 0) || 1
    scales[index] = largest / 127
    for (let d = 0; d < size; d++) components[index * size + d] = Math.round((vector[d] / largest) * 127)
  })
  return bytes
}

export function decodeVectors(stored: Uint8Array): (Float32Array | null)[] {
  // Typed views need aligned offsets; a buffer handed out by SQLite may not have them.
  const bytes = new Uint8Array(stored)
  const count = new Uint32Array(bytes.buffer, 0, 1)[0]
  const scales = new Float32Array(bytes.buffer, 4, count)
  const components = new Int8Array(bytes.buffer, 4 + 4 * count)
  return Array.from({ length: count }, (_, index) => {
    if (scales[index] === 0) return null
    const vector = new Float32Array(VECTOR_SIZE)
    for (let d = 0; d < VECTOR_SIZE; d++) vector[d] = components[index * VECTOR_SIZE + d] * scales[index]
    return vector
  })
}
