/*
 * The C guest's entry point, where "stopOnEntry" pauses: it points machine-mode traps at a handler
 * that reports them (instead of jumping to address 0), then hands over to picolibc's startup code,
 * which sets up the stack, .data, .bss and TLS and calls main().
 */
    .section .text.entry, "ax"
    .globl reset
reset:
    la t0, trap_entry
    csrw mtvec, t0
    j _start

/* mtvec needs a 4-byte aligned handler. The stack is valid once crt0 has run, before main. */
    .align 2
trap_entry:
    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    j report_trap
