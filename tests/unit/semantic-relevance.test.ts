import { decodeVectors, encodeVectors } from '~/modules/matching/profile-codec'
import { semanticEvidence, textSemanticEvidence, withSemanticEvidence } from '~/modules/matching/semantic-relevance'

// The sentence-embedding view of a match (semantic-relevance.ts) and how its vectors are kept.

const SIZE = 384
/** A unit vector at the given cosine from the first axis, in the plane of the first two. */
function atCosine(cosine: number, axis = 1): Float32Array {
  const vector = new Float32Array(SIZE)
  vector[0] = cosine
  vector[axis] = Math.sqrt(1 - cosine * cosine)
  return vector
}
const request = atCosine(1)

describe('semantic evidence', () => {
  it('leaves the language model’s score as it is when either side has no English text', () => {
    expect(withSemanticEvidence(0.031, semanticEvidence(null, request))).toBe(0.031)
    expect(withSemanticEvidence(0.031, semanticEvidence([atCosine(0.9)], null))).toBe(0.031)
    expect(semanticEvidence([null, null], request)).toBeNull()
  })

  it('reads only the lab’s English texts: a Russian one does not lower the mean', () => {
    const evidence = semanticEvidence([null, atCosine(0.6), atCosine(0.4)], request)!
    expect(evidence.meanCosine).toBeCloseTo(0.5, 6)
    expect(evidence.bestCosine).toBeCloseTo(0.6, 6)
  })

  it('raises the score with a nearer best text and with a nearer mean, and lowers it for texts far from the request', () => {
    const score = (cosines: number[]) => withSemanticEvidence(0.02, semanticEvidence(cosines.map((c) => atCosine(c)), request))
    expect(score([0.7, 0.3])).toBeGreaterThan(score([0.5, 0.3]))
    expect(score([0.7, 0.6])).toBeGreaterThan(score([0.7, 0.3]))
    // One lucky paper among many on other subjects is worth less than a body of work on the subject.
    expect(score([0.7, 0.1, 0.1, 0.1])).toBeLessThan(score([0.7, 0.6, 0.6, 0.6]))
    expect(score([0.05, 0.05])).toBeLessThan(0.02)
  })

  it('counts a single text as fitting when it is nearer the request than an average text', () => {
    expect(textSemanticEvidence(atCosine(0.8), request)).toBeGreaterThan(0)
    expect(textSemanticEvidence(atCosine(0), request)).toBeLessThan(0)
    expect(textSemanticEvidence(null, request)).toBe(0)
  })
})

describe('kept vectors', () => {
  it('come back with their cosines within 0.01 and a Russian text’s gap kept', () => {
    const random = () => {
      const vector = Float32Array.from({ length: SIZE }, (_, i) => Math.sin(i * 12.9898 + 78.233) * 43758.5453 % 1)
      const norm = Math.hypot(...vector)
      return vector.map((value) => value / norm)
    }
    const original = [random(), null, atCosine(0.3, 7)]
    const decoded = decodeVectors(encodeVectors(original))
    expect(decoded[1]).toBeNull()
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i], 0)
    expect(dot(decoded[0]!, original[0]!)).toBeGreaterThan(0.999)
    expect(Math.abs(dot(decoded[2]!, request) - 0.3)).toBeLessThan(0.01)
  })

  it('are read from a buffer that does not start on a 4-byte boundary', () => {
    const bytes = encodeVectors([atCosine(0.5)])
    const shifted = new Uint8Array(bytes.length + 1).subarray(1)
    shifted.set(bytes)
    expect(decodeVectors(shifted)[0]![0]).toBeCloseTo(0.5, 2)
  })
})
