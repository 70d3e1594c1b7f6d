import type { SubgraphContext } from '@reconnect/graph';
import type { Loaders } from './loaders.ts';

export type Context = SubgraphContext<Loaders>;
