import { classificationOptions } from '#db/classifications'
import type { Lab } from './labs.server'

export function labFormOptions(locale: 'ru' | 'en') {
  return { oecdGroups: classificationOptions('oecd', locale), grntiGroups: classificationOptions('grnti', locale) }
}

/** A stored lab as the values its form shows. */
export function labFormValues(lab: Lab) {
  return {
    name: lab.name,
    description: lab.description,
    nameEn: lab.nameEn ?? '',
    descriptionEn: lab.descriptionEn ?? '',
    oecdFields: lab.oecdFields,
    grnti: lab.grnti,
    alliance: lab.alliance ?? '',
    keywords: lab.keywords.join(', '),
    equipment: lab.equipment.join('\n'),
    services: lab.services.join('\n'),
    trlMin: String(lab.trlMin),
    trlMax: String(lab.trlMax),
    contactName: lab.contactName,
    contactEmail: lab.contactEmail,
    contactPhone: lab.contactPhone ?? '',
  }
}
