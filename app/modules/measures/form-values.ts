import type { SupportMeasure } from '#db/schema'
import { kopecksToDecimal, type Kopecks } from '../format/money'

/** Whole roubles print without ",00" so the field reads as typed. */
function roublesText(kopecks: number | null): string {
  if (kopecks === null) return ''
  const decimal = kopecksToDecimal(kopecks as Kopecks).replace('.', ',')
  return decimal.endsWith(',00') ? decimal.slice(0, -3) : decimal
}

function percentText(bp: number | null): string {
  if (bp === null) return ''
  return `${Math.trunc(bp / 100)}${bp % 100 ? `,${String(bp % 100).padStart(2, '0')}` : ''}`
}

/** A stored measure as the strings its form shows. */
export function measureFormValues(measure: SupportMeasure) {
  return {
    title: measure.title,
    provider: measure.provider,
    level: measure.level,
    kind: measure.kind,
    description: measure.description,
    organisationTypes: measure.organisationTypes,
    companySizes: measure.companySizes,
    regions: measure.regions,
    sectors: measure.sectors,
    stages: measure.stages,
    trlMin: measure.trlMin === null ? '' : String(measure.trlMin),
    trlMax: measure.trlMax === null ? '' : String(measure.trlMax),
    amountMin: roublesText(measure.amountMinKopecks),
    amountMax: roublesText(measure.amountMaxKopecks),
    coFinancing: percentText(measure.coFinancingBp),
    coFinancingBase: measure.coFinancingBase,
    maxYears: measure.maxYears === null ? '' : String(measure.maxYears),
    contractorTypes: measure.contractorTypes,
    stacking: measure.stacking ?? '',
    deadline: measure.deadline ?? '',
    requiredDocuments: measure.requiredDocuments.join('\n'),
    link: measure.link,
    sourceUrl: measure.sourceUrl ?? '',
    sourceTitle: measure.sourceTitle ?? '',
    sourceCheckedOn: measure.sourceCheckedOn ?? '',
    isDemo: measure.isDemo ? 'on' : '',
  }
}
