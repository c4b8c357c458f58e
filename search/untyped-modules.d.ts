declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string
  }
  export function newStemmer(language: string): Stemmer
  export function algorithms(): string[]
}

declare module 'stopword' {
  export const rus: string[]
  export const eng: string[]
  export const deu: string[]
  export const fra: string[]
  export const spa: string[]
  export const ita: string[]
  export const por: string[]
  export const nld: string[]
  export const pol: string[]
  export const swe: string[]
  export const tur: string[]
}

// onnxruntime-node 1.16 re-exports onnxruntime-common's API but was published without its own types.
declare module 'onnxruntime-node' {
  export * from 'onnxruntime-common'
}
