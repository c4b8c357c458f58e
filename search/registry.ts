import type { IndexRegistry } from './sync'
import { allLabIds, buildLabDocument, labIndexSettings } from './documents/labs'
import { allMeasureIds, buildMeasureDocument, measureIndexSettings } from './documents/measures'
import { allOrganisationIds, buildOrganisationDocument, organisationIndexSettings } from './documents/organisations'
import { allRequestIds, buildRequestDocument, requestIndexSettings } from './documents/requests'

/** Every index of the product: its settings, and how to build a document from the database. */
export const indexRegistry: IndexRegistry = {
  requests: { settings: requestIndexSettings, build: buildRequestDocument, allIds: allRequestIds },
  labs: { settings: labIndexSettings, build: buildLabDocument, allIds: allLabIds },
  organisations: { settings: organisationIndexSettings, build: buildOrganisationDocument, allIds: allOrganisationIds },
  measures: { settings: measureIndexSettings, build: buildMeasureDocument, allIds: allMeasureIds },
}
