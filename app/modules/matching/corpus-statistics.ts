import type { TermBag } from './text-terms'

// How common each term is across all the texts the matcher knows (labs' and requests'). A match on a
// rare term says more than a match on a common one; the relevance model reads that from here.

export interface TextCorpus {
  /** Occurrences of each term over all documents; `size` is the number of distinct terms. A lookup
   *  that holds only the terms being scored (with the whole corpus's size) serves as well. */
  termCounts: Pick<ReadonlyMap<string, number>, 'get' | 'size'>
  /** Occurrences of all terms over all documents. */
  totalTerms: number
}

export function buildTextCorpus(documents: Iterable<TermBag>): TextCorpus {
  const termCounts = new Map<string, number>()
  let totalTerms = 0
  for (const document of documents) {
    for (const [term, count] of document.counts) termCounts.set(term, (termCounts.get(term) ?? 0) + count)
    totalTerms += document.length
  }
  return { termCounts, totalTerms }
}

/**
 * The probability of meeting the term in an average text. Adds half an occurrence to every term
 * (and so to the total) so that a term the corpus has never seen is rare, not impossible.
 */
export function backgroundProbability(corpus: TextCorpus, term: string): number {
  const smoothedTotal = corpus.totalTerms + 0.5 * (corpus.termCounts.size + 1)
  return ((corpus.termCounts.get(term) ?? 0) + 0.5) / smoothedTotal
}
