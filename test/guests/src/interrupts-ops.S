/* Helpers for interrupts.c: S/U-mode entry points and a vectored mtvec table. */
    .text
    .globl s_func_sie, after_sie
    .balign 4
s_func_sie:                 /* S-mode: enable SIE; a pending delegated interrupt comes right here */
    csrsi sstatus, 2
after_sie:
    nop
    csrci sstatus, 2
    li a0, 0x55
    ret

    .globl s_entry_u
    .balign 4
s_entry_u:                  /* U or S: a pending interrupt is taken at the first instruction */
    nop
    nop
    li a0, 0x77
    ret

#define MARK(var) csrw sscratch, t0; la t0, var; sw t0, 0(t0); csrr t0, sscratch; j trap_entry

    .balign 256
    .globl vec_table
vec_table:
    j vec_0
    j trap_entry
    j trap_entry
    j vec_3
    j trap_entry
    j trap_entry
    j trap_entry
    j vec_7
    j trap_entry
    j trap_entry
    j trap_entry
    j trap_entry
vec_0: MARK(vec_hit0)
vec_3: MARK(vec_hit3)
vec_7: MARK(vec_hit7)

    .bss
    .balign 4
    .globl vec_hit0, vec_hit3, vec_hit7
vec_hit0: .word 0
vec_hit3: .word 0
vec_hit7: .word 0
