/**
 * How a guest trap leaves generated code: the raising code records cause and tval on the hart, then
 * throws this one preallocated object (no Error, so no stack is captured). The dispatcher catches it,
 * finds the faulting instruction from the synced pc, and takes the trap. Nothing else is ever thrown
 * through generated code on purpose; anything else is an emulator bug and propagates.
 */
export const TRAP_SIGNAL: { readonly kind: 'guest-trap' } = Object.freeze({ kind: 'guest-trap' as const });

/**
 * Thrown (also preallocated) by a store that must end the block right after it: it wrote into the code
 * of the block being executed (the block is invalid), or it asked the machine to stop. The store
 * completed, and execution resumes at the next instruction.
 */
export const SMC_SIGNAL: { readonly kind: 'self-modified' } = Object.freeze({ kind: 'self-modified' as const });
