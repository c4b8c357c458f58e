import type { Db } from '../../db/client'
import { labs, memberships, organisations, rdRequests, users } from '../../db/schema'
import type { Alliance } from '../../db/schema/values'
import { completeInn10, completeOgrn13 } from '../../app/modules/organisations/inn-ogrn'
import { HOME_REGION } from '../../app/modules/organisations/regions'
import { syntheticLabs, syntheticRequests, type SyntheticRequest } from './synthetic'

// The synthetic catalogue (synthetic.ts) through the application's own tables, for the benchmarks
// that run the server on it (bench:http, bench:coldstart).

// The synthetic catalogue names regions by city; the database stores subject codes.
const REGION_CODES: Record<string, string> = {
  tomsk: '70', novosibirsk: '54', kemerovo: '42', krasnoyarsk: '24', omsk: '55',
  moscow: '77', 'saint-petersburg': '78', yekaterinburg: '66', irkutsk: '38',
}
const REQUEST_STATUS: Record<SyntheticRequest['status'], 'published' | 'closed'> = {
  open: 'published', negotiation: 'published', contracted: 'closed', closed: 'closed',
}
const DAY = 86_400_000
const RECORDS_PER_ORGANISATION = 20
/**
 * The synthetic catalogue through the application's tables, owned by synthetic organisations of
 * RECORDS_PER_ORGANISATION records each, as a grown cluster would be: the demo organisations, whose
 * pages are measured, keep their own few records.
 */
export function insertSyntheticCatalogue(db: Db, extra: number): void {
  const now = Date.now()
  db.transaction((tx) => {
    const owners = (kind: 'company' | 'science', count: number) =>
      Array.from({ length: count }, (_, n) => {
        const serial = `${kind === 'company' ? 1 : 5}${String(n).padStart(4, '0')}`
        const userId = `bench-${kind}-${n}`
        // An unusable hash: nobody signs in as these owners.
        tx.insert(users).values({ id: userId, email: `${userId}@bench.example`, name: `Владелец ${serial}`, passwordHash: '!' }).run()
        const { id } = tx
          .insert(organisations)
          .values({
            type: kind === 'company' ? 'company' : n % 3 === 0 ? 'institute' : 'university',
            name: kind === 'company' ? `ООО «Синтетика ${serial}»` : `Научная организация ${serial}`,
            inn: completeInn10(`${HOME_REGION}99${serial}`),
            ogrn: completeOgrn13(`10299${HOME_REGION}${serial}`),
            region: HOME_REGION,
            size: kind === 'company' ? 'small' : null,
            isState: kind === 'science',
            verificationStatus: 'verified',
          })
          .returning({ id: organisations.id })
          .get()
        tx.insert(memberships).values({ userId, organisationId: id, role: 'owner' }).run()
        return { organisationId: id, userId }
      })
    const companies = owners('company', Math.ceil(extra / RECORDS_PER_ORGANISATION))
    const science = owners('science', Math.ceil(extra / RECORDS_PER_ORGANISATION))

    syntheticRequests(extra, 7).forEach((r, i) => {
      const owner = companies[Math.floor(i / RECORDS_PER_ORGANISATION)]
      const sentences = r.description.split('. ')
      tx.insert(rdRequests)
        .values({
          organisationId: owner.organisationId,
          createdBy: owner.userId,
          title: r.title,
          summary: `${sentences[0]}.`,
          problem: r.description,
          expectedResult: sentences.at(-2) ?? r.title,
          oecdField: r.fieldsOfScience[0],
          alliance: r.alliance as Alliance | null,
          keywords: r.keywords,
          trlNow: Math.max(1, r.trl - 2),
          trlWanted: r.trl,
          budgetMin: r.budgetKopecks,
          budgetMax: Math.round(r.budgetKopecks * 1.5),
          deadline: new Date(now + (30 + (i % 700)) * DAY).toISOString().slice(0, 10),
          region: REGION_CODES[r.region] ?? HOME_REGION,
          status: REQUEST_STATUS[r.status],
          createdAt: r.createdAt,
          updatedAt: r.createdAt,
          publishedAt: r.createdAt,
        })
        .run()
    })
    syntheticLabs(extra, 8).forEach((lab, i) => {
      tx.insert(labs)
        .values({
          organisationId: science[Math.floor(i / RECORDS_PER_ORGANISATION)].organisationId,
          name: lab.name,
          description: lab.expertise,
          oecdFields: lab.fieldsOfScience,
          grnti: [],
          alliance: lab.alliance as Alliance | null,
          keywords: lab.keywords,
          equipment: lab.equipment,
          services: [],
          trlMin: Math.max(1, lab.maxTrl - 4),
          trlMax: lab.maxTrl,
          contactName: lab.expertise.split(': ').pop()!.replace(/\.$/, ''),
          contactEmail: `lab-${i}@bench.example`,
        })
        .run()
    })
  })
}

