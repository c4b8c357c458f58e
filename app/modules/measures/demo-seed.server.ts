import type { Tx } from '#db/client'
import { supportMeasures } from '#db/schema'
import { demoMeasures, SOURCES_CHECKED_ON, type DemoMeasure } from '#db/seed/demo-measures'
import { enqueue } from '#search/sync'
import { audit } from '../audit/audit.server'

const kopecks = (roubles: number | undefined) => (roubles === undefined ? null : roubles * 100)

/** A demo measure as the row the catalogue stores: amounts in kopecks, shares in basis points. */
export function demoMeasureRow(m: DemoMeasure) {
  return {
    title: m.title,
    provider: m.provider,
    level: m.level,
    kind: m.kind,
    description: m.description,
    organisationTypes: m.organisationTypes,
    companySizes: m.companySizes,
    regions: m.regions,
    sectors: m.sectors,
    stages: m.stages,
    trlMin: m.trlMin ?? null,
    trlMax: m.trlMax ?? null,
    amountMinKopecks: kopecks(m.amountMinRoubles),
    amountMaxKopecks: kopecks(m.amountMaxRoubles),
    coFinancingBp: m.coFinancingPercent === undefined ? null : m.coFinancingPercent * 100,
    coFinancingBase: m.coFinancingBase ?? ('project' as const),
    maxYears: m.maxYears ?? null,
    contractorTypes: m.contractorTypes ?? [],
    stacking: m.stacking ?? null,
    deadline: m.deadline ?? null,
    requiredDocuments: m.requiredDocuments,
    link: m.link,
    // A measure not checked against its act names its operator's site, which is all we vouch for.
    sourceUrl: m.source?.url ?? m.link,
    sourceTitle: m.source?.title ?? `${m.provider}: официальный сайт (условия по нему не сверены)`,
    sourceCheckedOn: m.source?.checkedOn ?? SOURCES_CHECKED_ON,
    isDemo: m.isDemo,
    status: m.archived ? ('archived' as const) : ('active' as const),
  }
}

/** The demo catalogue of support measures, each audited and queued for the search index. */
export function seedMeasures(tx: Tx): { measures: number } {
  const system = { userId: null, organisationId: null }
  for (const m of demoMeasures) {
    const created = tx.insert(supportMeasures).values(demoMeasureRow(m)).returning().get()
    audit(tx, system, 'measure.created', { type: 'measure', id: created.id }, null, created)
    if (created.status === 'active') enqueue(tx, 'measures', String(created.id))
  }
  return { measures: demoMeasures.length }
}
