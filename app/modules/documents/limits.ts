/** The largest document the platform stores: a multi-page scan fits, a video does not. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
export const MAX_DOCUMENT_MEGABYTES = MAX_DOCUMENT_BYTES / (1024 * 1024)

/** What one organisation may keep in uploaded documents, all together: far above real contracts, acts and scans. */
export const MAX_ORGANISATION_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024
export const MAX_ORGANISATION_UPLOAD_MEGABYTES = MAX_ORGANISATION_UPLOAD_BYTES / (1024 * 1024)
