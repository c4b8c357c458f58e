import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoCompanies, demoScience, type DemoOrganisation } from '../../db/seed/demo-cluster'
import { demoLabs, type DemoLab } from '../../db/seed/demo-labs'
import { demoRequests } from '../../db/seed/demo-requests'
import { alliances } from '../../db/schema/values'
import { fixtureLabs } from '../fixtures/matching/labs'
import { fixtureRequests } from '../fixtures/matching/requests'

// Consistency of the demo content (labs and requests) and of the hand-labelled matching fixture:
// references resolve, codes exist, numbers make sense. The content itself is judged by people.

const TODAY = new Date('2026-11-23T00:00:00Z')
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/
const CYRILLIC = /[А-Яа-яЁё]/
const SCIENCE_TYPES = new Set(['university', 'institute', 'research_org'])

function codes(file: string): Set<string> {
  const rows = JSON.parse(readFileSync(path.resolve(__dirname, '../../db/seed/data', file), 'utf8')) as { code: string }[]
  return new Set(rows.map((row) => row.code))
}
const oecdCodes = codes('oecd-fos.json')
const grntiCodes = codes('grnti.json')

const organisations = new Map<string, DemoOrganisation>([...demoScience, ...demoCompanies].map((org) => [org.key, org]))

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index)
}

function expectSecondLevel(code: string, known: Set<string>, what: string) {
  expect(code.includes('.'), `${what} ${code} is second-level`).toBe(true)
  expect(known.has(code), `${what} ${code} exists`).toBe(true)
}

function expectTrlRange(min: number, max: number, what: string) {
  expect(Number.isInteger(min) && Number.isInteger(max), `${what}: integer TRLs`).toBe(true)
  expect(min, `${what}: TRL ≥ 1`).toBeGreaterThanOrEqual(1)
  expect(max, `${what}: TRL ≤ 9`).toBeLessThanOrEqual(9)
}

function checkLab(lab: DemoLab) {
  expect(lab.key, 'kebab-case key').toMatch(KEBAB)
  const org = organisations.get(lab.organisationKey)
  expect(org, `${lab.key}: organisation ${lab.organisationKey} exists`).toBeDefined()
  expect(SCIENCE_TYPES.has(org!.type), `${lab.key}: ${lab.organisationKey} is a science organisation`).toBe(true)
  expect(lab.oecdFields.length, `${lab.key}: OECD fields`).toBeGreaterThan(0)
  for (const code of lab.oecdFields) expectSecondLevel(code, oecdCodes, `${lab.key}: OECD`)
  expect(lab.grnti.length, `${lab.key}: GRNTI`).toBeGreaterThan(0)
  for (const code of lab.grnti) expectSecondLevel(code, grntiCodes, `${lab.key}: GRNTI`)
  if (lab.alliance !== undefined) expect(alliances).toContain(lab.alliance)
  expectTrlRange(lab.trlMin, lab.trlMax, lab.key)
  expect(lab.trlMin, `${lab.key}: trlMin ≤ trlMax`).toBeLessThanOrEqual(lab.trlMax)
  expect(lab.keywords.length, `${lab.key}: keywords`).toBeGreaterThanOrEqual(5)
  expect(lab.keywords.length, `${lab.key}: keywords`).toBeLessThanOrEqual(10)
  expect(lab.equipment.length, `${lab.key}: equipment`).toBeGreaterThanOrEqual(3)
  expect(lab.equipment.length, `${lab.key}: equipment`).toBeLessThanOrEqual(6)
  expect(lab.services.length, `${lab.key}: services`).toBeGreaterThanOrEqual(2)
  expect(lab.services.length, `${lab.key}: services`).toBeLessThanOrEqual(5)
  expect(lab.pastProjects.length, `${lab.key}: past projects`).toBeGreaterThanOrEqual(1)
  expect(lab.pastProjects.length, `${lab.key}: past projects`).toBeLessThanOrEqual(3)
  expect(lab.publications.length, `${lab.key}: publications`).toBeGreaterThanOrEqual(3)
  expect(lab.publications.length, `${lab.key}: publications`).toBeLessThanOrEqual(6)
  for (const item of [...lab.pastProjects, ...lab.publications]) {
    expect(item.year, `${lab.key}: year`).toBeGreaterThanOrEqual(2000)
    expect(item.year, `${lab.key}: year`).toBeLessThanOrEqual(TODAY.getUTCFullYear())
  }
  for (const publication of lab.publications) {
    expect(publication.title.length, `${lab.key}: publication title`).toBeGreaterThan(10)
    expect(publication.abstract.length, `${lab.key}: publication abstract`).toBeGreaterThan(80)
  }
  expect(lab.contact.email, `${lab.key}: contact email`).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.test$/)
  expect(lab.contact.name.length).toBeGreaterThan(3)
  expect(lab.contact.phone).toMatch(/^\+7 /)
  // The language tag matches the text: Russian profiles are in Cyrillic, English ones are not.
  expect(CYRILLIC.test(lab.description), `${lab.key}: description language`).toBe(lab.language === 'ru')
  expect(CYRILLIC.test(lab.keywords.join(' ')), `${lab.key}: keyword language`).toBe(lab.language === 'ru')
}

function expectDeadline(deadline: string, what: string) {
  expect(deadline, `${what}: ISO date`).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  const date = new Date(`${deadline}T00:00:00Z`)
  expect(Number.isNaN(date.getTime()), `${what}: deadline parses`).toBe(false)
  expect(date.toISOString().slice(0, 10), `${what}: deadline is a real calendar date`).toBe(deadline)
  expect(date.getTime(), `${what}: deadline after ${TODAY.toISOString().slice(0, 10)}`).toBeGreaterThan(TODAY.getTime())
  expect(deadline >= '2027-03-01' && deadline <= '2028-12-31', `${what}: deadline within 2027-03-01 … 2028-12-31`).toBe(true)
}

function expectBudget(min: number, max: number, what: string) {
  expect(Number.isInteger(min) && Number.isInteger(max), `${what}: whole roubles`).toBe(true)
  expect(min, `${what}: positive budget`).toBeGreaterThan(0)
  expect(min, `${what}: min ≤ max`).toBeLessThanOrEqual(max)
  expect(min, `${what}: budget ≥ 500 000`).toBeGreaterThanOrEqual(500_000)
  expect(max, `${what}: budget ≤ 30 000 000`).toBeLessThanOrEqual(30_000_000)
}

describe('demo labs', () => {
  it('has at least 32 labs with unique keys', () => {
    expect(demoLabs.length).toBeGreaterThanOrEqual(32)
    expect(duplicates(demoLabs.map((lab) => lab.key))).toEqual([])
  })

  it('gives every science organisation two to four labs', () => {
    for (const org of demoScience) {
      const count = demoLabs.filter((lab) => lab.organisationKey === org.key).length
      expect(count, `${org.key} has 2–4 labs`).toBeGreaterThanOrEqual(2)
      expect(count, `${org.key} has 2–4 labs`).toBeLessThanOrEqual(4)
    }
  })

  it('refers to science organisations, existing codes and sane ranges', () => {
    for (const lab of demoLabs) checkLab(lab)
  })

  it('has unique contact e-mails', () => {
    expect(duplicates(demoLabs.map((lab) => lab.contact.email))).toEqual([])
  })

  it('writes about one lab in six in English', () => {
    const english = demoLabs.filter((lab) => lab.language === 'en').length
    expect(english).toBeGreaterThanOrEqual(Math.floor(demoLabs.length / 8))
    expect(english).toBeLessThanOrEqual(Math.ceil(demoLabs.length / 4))
  })
})

describe('demo requests', () => {
  it('has at least 40 requests with unique keys', () => {
    expect(demoRequests.length).toBeGreaterThanOrEqual(40)
    expect(duplicates(demoRequests.map((request) => request.key))).toEqual([])
  })

  it('gives every company one to three requests', () => {
    for (const company of demoCompanies) {
      const count = demoRequests.filter((request) => request.companyKey === company.key).length
      expect(count, `${company.key} has 1–3 requests`).toBeGreaterThanOrEqual(1)
      expect(count, `${company.key} has 1–3 requests`).toBeLessThanOrEqual(3)
    }
  })

  it('refers to companies, existing codes and sane numbers', () => {
    for (const request of demoRequests) {
      expect(request.key).toMatch(KEBAB)
      const company = organisations.get(request.companyKey)
      expect(company, `${request.key}: company ${request.companyKey} exists`).toBeDefined()
      expect(company!.type, `${request.key}: ${request.companyKey} is a company`).toBe('company')
      if (request.alliance !== undefined) {
        expect(request.alliance, `${request.key}: alliance of its company`).toBe(company!.alliance)
      }
      expectSecondLevel(request.oecdField, oecdCodes, `${request.key}: OECD`)
      expectSecondLevel(request.grnti, grntiCodes, `${request.key}: GRNTI`)
      expectTrlRange(request.trlNow, request.trlWanted, request.key)
      expect(request.trlWanted, `${request.key}: trlWanted > trlNow`).toBeGreaterThan(request.trlNow)
      expectBudget(request.budgetMinRoubles, request.budgetMaxRoubles, request.key)
      expectDeadline(request.deadline, request.key)
      expect(request.keywords.length, `${request.key}: keywords`).toBeGreaterThanOrEqual(4)
      expect(request.keywords.length, `${request.key}: keywords`).toBeLessThanOrEqual(8)
      for (const text of [request.title, request.summary, request.problem, request.expectedResult, request.confidentialDetails]) {
        expect(text.trim().length, `${request.key}: text filled in`).toBeGreaterThan(20)
      }
      expect(CYRILLIC.test(request.title + request.problem), `${request.key}: language`).toBe(request.language === 'ru')
    }
  })

  it('has mostly published requests, with 3 drafts, 2 paused and 2 closed', () => {
    const count = (status: string) => demoRequests.filter((request) => request.status === status).length
    expect(count('draft')).toBe(3)
    expect(count('paused')).toBe(2)
    expect(count('closed')).toBe(2)
    expect(count('published')).toBe(demoRequests.length - 7)
  })

  it('writes the English-named companies\u2019 requests in English, about one in six overall', () => {
    for (const request of demoRequests.filter((r) => r.companyKey === 'nordvision' || r.companyKey === 'cryomaterials')) {
      expect(request.language, request.key).toBe('en')
    }
    const english = demoRequests.filter((request) => request.language === 'en').length
    expect(english).toBeGreaterThanOrEqual(Math.floor(demoRequests.length / 8))
    expect(english).toBeLessThanOrEqual(Math.ceil(demoRequests.length / 4))
  })
})

// The seed may feed this content through the app's forms (app/modules/labs|requests/schemas.ts);
// these are the limits of those forms. Keywords are typed there as a comma-separated list.
describe('demo content fits the lab and request forms', () => {
  const keywordOk = (keyword: string) => keyword.length <= 60 && !/[,;\n]/.test(keyword)

  it('labs', () => {
    for (const lab of fixtureLabs) {
      expect(lab.name.length, lab.key).toBeLessThanOrEqual(200)
      expect(lab.description.length, lab.key).toBeLessThanOrEqual(5000)
      expect(lab.oecdFields.length, lab.key).toBeLessThanOrEqual(5)
      expect(lab.grnti.length, lab.key).toBeLessThanOrEqual(5)
      for (const keyword of lab.keywords) expect(keywordOk(keyword), `${lab.key}: keyword "${keyword}"`).toBe(true)
      for (const line of lab.equipment) expect(line.length, `${lab.key}: equipment`).toBeLessThanOrEqual(200)
      for (const line of lab.services) expect(line.length, `${lab.key}: services`).toBeLessThanOrEqual(300)
      for (const p of lab.publications) expect(p.title.length, `${lab.key}: publication`).toBeLessThanOrEqual(500)
      for (const p of lab.pastProjects) expect(p.title.length, `${lab.key}: project`).toBeLessThanOrEqual(300)
    }
  })

  it('requests', () => {
    for (const request of demoRequests) {
      expect(request.title.length, request.key).toBeLessThanOrEqual(200)
      expect(request.summary.length, request.key).toBeLessThanOrEqual(600)
      expect(request.problem.length, request.key).toBeLessThanOrEqual(5000)
      expect(request.expectedResult.length, request.key).toBeLessThanOrEqual(3000)
      expect(request.confidentialDetails.length, request.key).toBeLessThanOrEqual(5000)
      for (const keyword of request.keywords) expect(keywordOk(keyword), `${request.key}: keyword "${keyword}"`).toBe(true)
    }
  })
})

describe('matching fixture', () => {
  const labKeys = new Set(fixtureLabs.map((lab) => lab.key))

  it('has at least 60 labs, including every demo lab, with unique keys', () => {
    expect(fixtureLabs.length).toBeGreaterThanOrEqual(60)
    expect(duplicates(fixtureLabs.map((lab) => lab.key))).toEqual([])
    for (const lab of demoLabs) expect(labKeys.has(lab.key), lab.key).toBe(true)
    expect(duplicates(fixtureLabs.map((lab) => lab.contact.email))).toEqual([])
  })

  it('has labs of science organisations with existing codes and sane ranges', () => {
    for (const lab of fixtureLabs) checkLab(lab)
  })

  it('has at least 30 requests with unique keys, at least 6 in English', () => {
    expect(fixtureRequests.length).toBeGreaterThanOrEqual(30)
    expect(duplicates(fixtureRequests.map((request) => request.key))).toEqual([])
    expect(fixtureRequests.filter((request) => request.language === 'en').length).toBeGreaterThanOrEqual(6)
    const demoKeys = new Set(demoRequests.map((request) => request.key))
    for (const request of fixtureRequests) expect(demoKeys.has(request.key), `${request.key} is not a demo request`).toBe(false)
  })

  it('labels every request with one to three existing labs', () => {
    for (const request of fixtureRequests) {
      expect(request.expectedLabKeys.length, request.key).toBeGreaterThanOrEqual(1)
      expect(request.expectedLabKeys.length, request.key).toBeLessThanOrEqual(3)
      expect(duplicates(request.expectedLabKeys), request.key).toEqual([])
      for (const key of request.expectedLabKeys) expect(labKeys.has(key), `${request.key}: lab ${key} exists`).toBe(true)
    }
  })

  it('has requests with existing codes and sane numbers', () => {
    for (const request of fixtureRequests) {
      expect(request.key).toMatch(KEBAB)
      expectSecondLevel(request.oecdField, oecdCodes, `${request.key}: OECD`)
      if (request.alliance !== undefined) expect(alliances).toContain(request.alliance)
      expectTrlRange(request.trlNow, request.trlWanted, request.key)
      expect(request.trlWanted, `${request.key}: trlWanted > trlNow`).toBeGreaterThan(request.trlNow)
      expectBudget(request.budgetMinRoubles, request.budgetMaxRoubles, request.key)
      expect(request.keywords.length, `${request.key}: keywords`).toBeGreaterThanOrEqual(3)
      expect(CYRILLIC.test(request.title + request.problem), `${request.key}: language`).toBe(request.language === 'ru')
    }
  })
})
