import { encodeEnglish, encodeSentences, readsEnglish } from '#search/sentence-encoder'
import { db } from '~/db.server'
import { createLab } from '~/modules/labs/labs.server'
import { loadLabProfiles, loadRequestProfiles, updateProfiles } from '~/modules/matching/profiles.server'
import { analyzeLab, analyzeRequest, buildMatchingCorpus, labPassages, requestPassage, scoreLabForRequest, textRelevanceScore, vectorsOf, type LabText } from '~/modules/matching/text-relevance'
import { changeRequestStatus, createRequest } from '~/modules/requests/requests.server'
import { actorWithOrganisation } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'

// The sentence model (search/models/all-minilm-l6-v2) run for real: what it says about English texts,
// that Russian ones get no vector, and how its vectors reach the stored profiles and the ranking.

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i], 0)

const request = 'Hydrotreating catalysts for upgrading heavy oil residues: removing sulfur and nitrogen before cracking'
const paraphrase = 'Hydrodesulfurization and hydrodenitrogenation over supported Mo sulfide for vacuum residue processing'
const unrelated = 'Ground penetrating radar survey of frost heave on permafrost under railway embankments'

describe('the sentence encoder', () => {
  it('puts a paraphrase in other words nearer than another subject, with unit vectors', async () => {
    const [r, near, far] = await encodeSentences([request, paraphrase, unrelated])
    for (const vector of [r, near, far]) expect(Math.hypot(...vector)).toBeCloseTo(1, 4)
    expect(dot(r, near)).toBeGreaterThan(dot(r, far) + 0.2)
  })

  it('gives a text the same vector whatever is encoded with it', async () => {
    const [alone] = await encodeSentences([paraphrase])
    const [, inBatch] = await encodeSentences([unrelated, paraphrase, request])
    expect(dot(alone, inBatch)).toBeCloseTo(1, 6)
  })

  it('reads English only: a Russian text gets no vector, a text with no letters none either', async () => {
    expect(readsEnglish('Катализаторы гидроочистки тяжёлых нефтей')).toBe(false)
    expect(readsEnglish('12 345, 6.7 %')).toBe(false)
    expect(readsEnglish('Катализатор (catalyst) for hydrotreating heavy oil')).toBe(true)
    const made = await encodeEnglish(['Катализаторы гидроочистки тяжёлых нефтей', request, request])
    expect([...made.keys()]).toEqual([request])
  })

  it('reads a very long text by its beginning, in bounded time', async () => {
    const book = `${paraphrase}. ${'Further experimental details follow. '.repeat(5000)}`
    const [vector] = await encodeSentences([book])
    expect(vector).toHaveLength(384)
    expect(vector.every(Number.isFinite)).toBe(true)
  })
})

describe('semantic evidence in the ranking', () => {
  it('ranks, for an English request, the lab whose paper says the same in other words above one that shares words by chance', async () => {
    const near: LabText = { publications: [{ title: paraphrase, abstract: null }] }
    const chance: LabText = { publications: [{ title: 'Cracking patterns of sulfur concrete before upgrading of railway embankments', abstract: null }] }
    const made = await encodeEnglish([...labPassages(near), ...labPassages(chance), requestPassage({ title: request })])
    const analysed = [near, chance].map((lab) => ({ ...analyzeLab(lab), vectors: vectorsOf(labPassages(lab), made) }))
    const words = analyzeRequest({ title: request })
    const corpus = buildMatchingCorpus(analysed, [words])
    const withVector = { ...words, vector: made.get(requestPassage({ title: request }))! }
    const [lexicalNear, lexicalChance] = analysed.map((lab) => textRelevanceScore(corpus, { ...lab, vectors: null }, words))
    // By words alone the chance lab wins: it shares "cracking", "sulfur" and "upgrading".
    expect(lexicalChance).toBeGreaterThan(lexicalNear)
    const [semanticNear, semanticChance] = analysed.map((lab) => textRelevanceScore(corpus, lab, withVector))
    expect(semanticNear).toBeGreaterThan(semanticChance)
    // Its card names the paper as one that fits, though the paper shares few of the request's words.
    expect(scoreLabForRequest(corpus, analysed[0], withVector).matchedPublications.map((p) => p.title)).toEqual([paraphrase])
  })
})

describe('profiles', () => {
  it('keep a vector for each English text of a lab and for an English request, none for Russian ones', async () => {
    const science = await actorWithOrganisation({ organisationType: 'university', region: '70' })
    const english = createLab(science, labInput({ name: 'Catalysis lab', description: paraphrase, keywords: ['hydrotreating', 'catalysts'] }))
    const russian = createLab(science, labInput())
    if (!english.ok || !russian.ok) throw new Error('labs not created')
    const company = await actorWithOrganisation({ organisationType: 'company', region: '70' })
    const englishRequest = createRequest(company, requestInput({ title: 'Hydrotreating catalysts for heavy oil', problem: request, expectedResult: 'A catalyst and its test report.', keywords: ['catalyst'] }))
    const russianRequest = createRequest(company, requestInput())
    if (!englishRequest.ok || !russianRequest.ok) throw new Error('requests not created')
    for (const created of [englishRequest, russianRequest]) expect(changeRequestStatus(company, created.value.id, 'publish').ok).toBe(true)

    await updateProfiles(db, 'lab', [english.value.id, russian.value.id])
    await updateProfiles(db, 'request', [englishRequest.value.id, russianRequest.value.id])

    const labs = loadLabProfiles(db, [english.value.id, russian.value.id])
    const labVectors = labs.get(english.value.id)!.vectors!
    expect(labVectors).toHaveLength(1)
    const [expected] = await encodeSentences([labPassages({ expertise: paraphrase, keywords: ['hydrotreating', 'catalysts'] })[0]])
    // Kept as bytes: the cosine with the model's own vector stays above 0.999.
    expect(dot(labVectors[0]!, expected)).toBeGreaterThan(0.999)
    expect(labs.get(russian.value.id)!.vectors).toBeNull()

    const requests = loadRequestProfiles(db, [englishRequest.value.id, russianRequest.value.id])
    expect(requests.get(englishRequest.value.id)!.vector).toHaveLength(384)
    expect(requests.get(russianRequest.value.id)!.vector).toBeNull()
  })
})
