// The server entry (server.ts) and the Remix build each load their own copy of app modules; keeping
// long-lived resources on globalThis gives both one database connection and one set of workers.
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __singletons?: Map<string, unknown> }
  store.__singletons ??= new Map()
  if (!store.__singletons.has(name)) store.__singletons.set(name, create())
  return store.__singletons.get(name) as T
}
