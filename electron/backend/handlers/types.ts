// The shape of a handler: the validated input of one contract method and the backend it runs in.

import type { Method, Output, ParsedInput } from '../../../shared/api/contract';
import type { Backend } from '../backend';

export type Handler<M extends Method> = (input: ParsedInput<M>, backend: Backend) => Output<M> | Promise<Output<M>>;

/** The handlers of some methods; the full map in handlers/index.ts must cover them all. */
export type HandlerGroup<K extends Method> = { [M in K]: Handler<M> };

export type Handlers = HandlerGroup<Method>;

/** A name in a history label, cut short (the template quotes it: `Create concept “{a}”`). */
export const short = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

/** A name in a history label: quoted and cut short. */
export const quoted = (name: string) => `“${short(name)}”`;
