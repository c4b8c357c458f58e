// The second view of how well a lab's texts fit a request: the cosine of their sentence embeddings
// (search/sentence-encoder.ts), which sees the same subject in other words. It adds to the language
// model's score (text-relevance.ts) two things a reader of the lab's work would weigh: how close its
// texts are on average, and how close its single nearest text is. SPECTER2, the best published
// predictor on the expertise benchmark, ranks by that nearest text alone.
//
// The three are added on one scale: each is divided by its spread (standard deviation) over every
// lab × request pair of the expertise benchmark's DEV half, a property of the scores alone (no
// judgement is read), and the embedding views are centred on their mean there, so that an average
// pair adds nothing. Equal weights: no weight was fitted. A pair without vectors on both sides (a
// Russian text: the model reads English only) keeps its language-model score.
//
// On DEV the loss falls from 0.2244 to 0.194, and the sum beats the language model alone on 194 of 200
// random halves of its labs (the held-back half has other labs). See scripts/bench-matching.ts.

/** Spread of the language model's score (nats per request word) over the DEV pairs. */
const LEXICAL_SPREAD = 0.0175
/** The mean cosine over a lab's texts: its mean and spread over the DEV pairs. */
const MEAN_COSINE = { centre: 0.267, spread: 0.105 }
/** The best cosine among a lab's texts: its mean and spread over the DEV pairs. */
const BEST_COSINE = { centre: 0.419, spread: 0.127 }

/** A lab's texts' vectors, each null where the text is not in English. */
export type DocumentVectors = readonly (Float32Array | null)[]

export interface SemanticEvidence {
  meanCosine: number
  bestCosine: number
}

/** The cosines of the request with the lab's English texts, or null when either side has none. */
export function semanticEvidence(labVectors: DocumentVectors | null | undefined, requestVector: Float32Array | null | undefined): SemanticEvidence | null {
  if (!labVectors || !requestVector) return null
  let sum = 0
  let counted = 0
  let bestCosine = -Infinity
  for (const vector of labVectors) {
    if (!vector) continue
    const cosine = dot(vector, requestVector)
    sum += cosine
    counted++
    bestCosine = Math.max(bestCosine, cosine)
  }
  return counted === 0 ? null : { meanCosine: sum / counted, bestCosine }
}

/** The language model's score with the embedding views added on its scale (see above). */
export function withSemanticEvidence(lexical: number, semantic: SemanticEvidence | null): number {
  if (!semantic) return lexical
  const meanView = (semantic.meanCosine - MEAN_COSINE.centre) / MEAN_COSINE.spread
  const bestView = (semantic.bestCosine - BEST_COSINE.centre) / BEST_COSINE.spread
  return lexical + LEXICAL_SPREAD * (meanView + bestView)
}

/**
 * One text's part of the mean view, on the language model's scale: how much nearer the request
 * than an average text. 0 when either has no vector. Lets a publication count as fitting for its
 * meaning as well as for its words.
 */
export function textSemanticEvidence(vector: Float32Array | null | undefined, requestVector: Float32Array | null | undefined): number {
  if (!vector || !requestVector) return 0
  return (LEXICAL_SPREAD * (dot(vector, requestVector) - MEAN_COSINE.centre)) / MEAN_COSINE.spread
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i]
  return sum
}
