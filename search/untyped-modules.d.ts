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
}
