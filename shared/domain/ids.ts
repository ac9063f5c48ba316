// Branded ids: a ConceptId cannot be passed where a SegmentId is expected.
// Ids are SQLite rowids (AUTOINCREMENT, never reused), so they stay valid across undo and redo.

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type DocumentId = Brand<number, 'DocumentId'>;
export type ConceptId = Brand<number, 'ConceptId'>;
export type CategoryId = Brand<number, 'CategoryId'>;
export type SegmentId = Brand<number, 'SegmentId'>;
export type CommandId = Brand<number, 'CommandId'>;
export type CoderId = Brand<number, 'CoderId'>;

export const documentId = (n: number) => n as DocumentId;
export const conceptId = (n: number) => n as ConceptId;
export const categoryId = (n: number) => n as CategoryId;
export const segmentId = (n: number) => n as SegmentId;
export const commandId = (n: number) => n as CommandId;
export const coderId = (n: number) => n as CoderId;
