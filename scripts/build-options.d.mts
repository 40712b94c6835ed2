// Types of build-options.mjs, for the test that checks what a release build leaves out.
export function buildOptions(argv?: string[]): { release: boolean; sourcemap: boolean };
export const builderOnlyEntries: string[];
