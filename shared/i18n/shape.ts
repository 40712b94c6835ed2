// The English catalog must have exactly the keys of the French one (French is the reference).
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
