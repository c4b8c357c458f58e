// Value sets of contracts and documents, free of drizzle imports so that browser code can use them too.

/** A version of a contract's terms: proposed by one party, confirmed by the other, or set aside. */
export const contractVersionStatuses = ['proposed', 'confirmed', 'declined', 'withdrawn', 'superseded'] as const
export type ContractVersionStatus = (typeof contractVersionStatuses)[number]

/** Where a contract stands, kept on the contract so that lists can filter without reading versions. */
export const contractStatuses = ['awaiting_confirmation', 'confirmed', 'declined', 'withdrawn'] as const
export type ContractStatus = (typeof contractStatuses)[number]

/** Acceptance acts and payments: recorded by one party, confirmed (or disputed) by the other. */
export const executionRecordStatuses = ['proposed', 'confirmed', 'declined'] as const
export type ExecutionRecordStatus = (typeof executionRecordStatuses)[number]

/** How VAT is stated: not charged (e.g. R&D exempt under Tax Code art. 149), by rate, or as an amount. */
export const vatModes = ['exempt', 'rate', 'amount'] as const
export type VatMode = (typeof vatModes)[number]

/** VAT rates in basis points that the form offers. */
export const vatRates = [2200, 2000, 1000, 0] as const

/** What the platform accepts as a document: PDFs and common scans, recognised by their content. */
export const documentMimeTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'] as const
export type DocumentMimeType = (typeof documentMimeTypes)[number]
