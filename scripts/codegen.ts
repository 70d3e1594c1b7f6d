/** `pnpm codegen`: writes every file described by the root codegen.ts (resolver types, typed documents). */
import { writeGeneratedTypes } from './lib/codegen.ts';

const changed = await writeGeneratedTypes();
console.log(changed.length ? `wrote ${changed.join(', ')}` : 'generated types are up to date');
