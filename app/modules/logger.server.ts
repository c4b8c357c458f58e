import pino from 'pino'
import { env } from '~/env.server'
import { singleton } from './singleton.server'

// One JSON line per request or event. Secrets never reach it: the request logger records method,
// path (without the query string), status and timing, and pino redacts the usual suspects anyway.
export const logger = singleton('logger', () =>
  pino({
    level: env.LOG_LEVEL,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['password', '*.password', 'cookie', '*.cookie', 'sessionId', '*.sessionId'], censor: '[redacted]' },
  }),
)
