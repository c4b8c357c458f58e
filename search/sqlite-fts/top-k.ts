/**
 * The first `k` of `items` in `compare` order, sorted: a bounded heap keeps the k best seen so far,
 * so most items cost one comparison with the worst of them instead of a full sort.
 */
export function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return []
  if (k >= items.length) return [...items].sort(compare)
  // Max-heap on compare: heap[0] is the worst item kept.
  const heap: T[] = []
  const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0
  const swap = (i: number, j: number) => {
    const t = heap[i]
    heap[i] = heap[j]
    heap[j] = t
  }
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1)
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item
      for (let i = 0; ; ) {
        const left = 2 * i + 1
        const right = left + 1
        let largest = i
        if (left < k && worse(left, largest)) largest = left
        if (right < k && worse(right, largest)) largest = right
        if (largest === i) break
        swap(i, largest)
        i = largest
      }
    }
  }
  return heap.sort(compare)
}
