import { describeServerError } from '~/modules/http/server-error'

// What Remix hands to handleError for a POST to a page without an action (an ErrorResponse).
const methodNotAllowed = { status: 405, statusText: 'Method Not Allowed', internal: true, data: 'Error: You made a POST request to "/" but did not provide an `action`' }

describe('errors reaching handleError', () => {
  it('log a POST to a page without an action as the client’s 405, not as “[object Object]” at error level', () => {
    const described = describeServerError(methodNotAllowed)
    expect(described).toEqual({ level: 'info', error: { status: 405, message: 'Method Not Allowed' } })
  })

  it('log a thrown error with its message and stack, and anything else readably', () => {
    const described = describeServerError(new Error('disk full'))
    expect(described.level).toBe('error')
    expect(described.error.message).toBe('disk full')
    expect(describeServerError({ code: 7 }).error.message).toBe('{"code":7}')
  })
})
