import { createContext, useContext } from 'react'

// The per-request CSP nonce, given by the server entry to the scripts Remix renders inline.
export const NonceContext = createContext('')
export const useNonce = () => useContext(NonceContext)
