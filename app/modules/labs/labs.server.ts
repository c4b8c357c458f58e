import { asc, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Tx } from '#db/client'
import { labProjects, labPublications, labs, organisations } from '#db/schema'
import { isGrntiRubric, isOecdField } from '#db/classifications'
import { enqueue } from '#search/sync'
import { db } from '~/db.server'
import { auditActor } from '../auth/actor.server'
import { audit } from '../audit/audit.server'
import type { Actor } from '../permissions/actor'
import { can } from '../permissions/can'
import { ok, refuse, type Result } from '../result'
import type { LabInput, ProjectFormSchema, PublicationFormSchema } from './schemas'

export type Lab = typeof labs.$inferSelect

function checkClassification(input: LabInput) {
  if (!input.oecdFields.every(isOecdField)) return refuse('invalid', { field: 'oecdFields' })
  if (!input.grnti.every(isGrntiRubric)) return refuse('invalid', { field: 'grnti' })
  return null
}

function columns(input: LabInput) {
  return {
    name: input.name,
    description: input.description,
    nameEn: input.nameEn || null,
    descriptionEn: input.descriptionEn || null,
    oecdFields: [...new Set(input.oecdFields)],
    grnti: [...new Set(input.grnti)],
    alliance: input.alliance ?? null,
    keywords: input.keywords,
    equipment: input.equipment,
    services: input.services,
    trlMin: input.trlMin,
    trlMax: input.trlMax,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone || null,
  }
}

/** A university or institute member publishes a lab of their organisation. */
export function createLab(actor: Actor, input: LabInput): Result<Lab, 'forbidden' | 'invalid'> {
  if (!can(actor, 'lab:create') || !actor.organisationId) return refuse('forbidden')
  const invalid = checkClassification(input)
  if (invalid) return invalid
  const organisationId = actor.organisationId
  return db.transaction((tx) => {
    const created = tx.insert(labs).values({ ...columns(input), organisationId }).returning().get()
    audit(tx, auditActor(actor), 'lab.created', { type: 'lab', id: created.id }, null, created)
    enqueue(tx, 'labs', String(created.id))
    return ok(created)
  })
}

/** Loads a lab the actor may edit, inside the caller's transaction. */
function editableLab(tx: Tx, actor: Actor, labId: number) {
  const lab = tx.select().from(labs).where(eq(labs.id, labId)).get()
  if (!lab || lab.status === 'archived') return refuse('not_found')
  if (!can(actor, 'lab:edit', lab)) return refuse('forbidden')
  return ok(lab)
}

export function updateLab(actor: Actor, labId: number, input: LabInput): Result<Lab, 'forbidden' | 'not_found' | 'invalid'> {
  const invalid = checkClassification(input)
  if (invalid) return invalid
  return db.transaction((tx) => {
    const found = editableLab(tx, actor, labId)
    if (!found.ok) return found
    const after = tx.update(labs).set({ ...columns(input), updatedAt: new Date().toISOString() }).where(eq(labs.id, labId)).returning().get()
    audit(tx, auditActor(actor), 'lab.updated', { type: 'lab', id: labId }, found.value, after)
    enqueue(tx, 'labs', String(labId))
    return ok(after)
  })
}

export function archiveLab(actor: Actor, labId: number): Result<null, 'forbidden' | 'not_found'> {
  return db.transaction((tx) => {
    const found = editableLab(tx, actor, labId)
    if (!found.ok) return found
    tx.update(labs).set({ status: 'archived', updatedAt: new Date().toISOString() }).where(eq(labs.id, labId)).run()
    audit(tx, auditActor(actor), 'lab.archived', { type: 'lab', id: labId }, { status: found.value.status }, { status: 'archived' })
    enqueue(tx, 'labs', String(labId))
    return ok(null)
  })
}

export function addPublication(actor: Actor, labId: number, input: z.infer<typeof PublicationFormSchema>): Result<null, 'forbidden' | 'not_found'> {
  return db.transaction((tx) => {
    const found = editableLab(tx, actor, labId)
    if (!found.ok) return found
    const created = tx
      .insert(labPublications)
      .values({ labId, title: input.title, abstract: input.abstract || null, year: input.year ?? null, link: input.link ?? null })
      .returning()
      .get()
    audit(tx, auditActor(actor), 'lab.publication_added', { type: 'lab', id: labId }, null, created)
    enqueue(tx, 'labs', String(labId))
    return ok(null)
  })
}

export function removePublication(actor: Actor, labId: number, publicationId: number): Result<null, 'forbidden' | 'not_found'> {
  return db.transaction((tx) => {
    const found = editableLab(tx, actor, labId)
    if (!found.ok) return found
    const publication = tx.select().from(labPublications).where(eq(labPublications.id, publicationId)).get()
    // An id from another lab is as good as none.
    if (!publication || publication.labId !== labId) return refuse('not_found')
    tx.delete(labPublications).where(eq(labPublications.id, publicationId)).run()
    audit(tx, auditActor(actor), 'lab.publication_removed', { type: 'lab', id: labId }, publication, null)
    enqueue(tx, 'labs', String(labId))
    return ok(null)
  })
}

export function addProject(actor: Actor, labId: number, input: z.infer<typeof ProjectFormSchema>): Result<null, 'forbidden' | 'not_found'> {
  return db.transaction((tx) => {
    const found = editableLab(tx, actor, labId)
    if (!found.ok) return found
    const created = tx
      .insert(labProjects)
      .values({ labId, title: input.title, year: input.year ?? null, customer: input.customer || null, description: input.description || null })
      .returning()
      .get()
    audit(tx, auditActor(actor), 'lab.project_added', { type: 'lab', id: labId }, null, created)
    enqueue(tx, 'labs', String(labId))
    return ok(null)
  })
}

export function removeProject(actor: Actor, labId: number, projectId: number): Result<null, 'forbidden' | 'not_found'> {
  return db.transaction((tx) => {
    const found = editableLab(tx, actor, labId)
    if (!found.ok) return found
    const project = tx.select().from(labProjects).where(eq(labProjects.id, projectId)).get()
    if (!project || project.labId !== labId) return refuse('not_found')
    tx.delete(labProjects).where(eq(labProjects.id, projectId)).run()
    audit(tx, auditActor(actor), 'lab.project_removed', { type: 'lab', id: labId }, project, null)
    enqueue(tx, 'labs', String(labId))
    return ok(null)
  })
}

/** A lab with everything its public page shows; archived labs are gone for everyone. */
export function viewLab(actor: Actor | null, labId: number) {
  const row = db
    .select({ lab: labs, organisation: { id: organisations.id, name: organisations.name, type: organisations.type, verificationStatus: organisations.verificationStatus } })
    .from(labs)
    .innerJoin(organisations, eq(organisations.id, labs.organisationId))
    .where(eq(labs.id, labId))
    .get()
  if (!row || row.lab.status === 'archived') return refuse('not_found')
  return ok({
    ...row,
    publications: db.select().from(labPublications).where(eq(labPublications.labId, labId)).orderBy(desc(labPublications.year), asc(labPublications.id)).all(),
    projects: db.select().from(labProjects).where(eq(labProjects.labId, labId)).orderBy(desc(labProjects.year), asc(labProjects.id)).all(),
    canEdit: can(actor, 'lab:edit', row.lab),
  })
}

export function listOrganisationLabs(organisationId: number) {
  return db.select().from(labs).where(eq(labs.organisationId, organisationId)).orderBy(asc(labs.name)).all().filter((l) => l.status === 'active')
}
