/**
 * A translation must have exactly the keys of the English messages (nested), each a string:
 * a key missing in French fails the type-check (and the messages unit test).
 */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
