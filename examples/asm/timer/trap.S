/*
 * The trap handler and the timer: trap_entry saves the registers a called routine may change,
 * counts and prints the tick, re-arms the timer and returns with mret. Any other trap is unexpected
 * here: it is reported and the board powers off with a failure status.
 */
    .include "board.inc"

    .text
    .globl trap_entry
    .balign 4                   /* mtvec's base is 4-byte aligned */
trap_entry:
    addi sp, sp, -64            /* ra, t0-t6, a0-a7: the caller-saved registers */
    sw ra, 0(sp)
    sw t0, 4(sp)
    sw t1, 8(sp)
    sw t2, 12(sp)
    sw t3, 16(sp)
    sw t4, 20(sp)
    sw t5, 24(sp)
    sw t6, 28(sp)
    sw a0, 32(sp)
    sw a1, 36(sp)
    sw a2, 40(sp)
    sw a3, 44(sp)
    sw a4, 48(sp)
    sw a5, 52(sp)
    sw a6, 56(sp)
    sw a7, 60(sp)

    csrr t0, mcause
    li t1, MCAUSE_MTI
    bne t0, t1, unexpected

    la t0, ticks
    lw a0, 0(t0)
    addi a0, a0, 1
    sw a0, 0(t0)
    call print_tick
    call arm_timer

    lw ra, 0(sp)
    lw t0, 4(sp)
    lw t1, 8(sp)
    lw t2, 12(sp)
    lw t3, 16(sp)
    lw t4, 20(sp)
    lw t5, 24(sp)
    lw t6, 28(sp)
    lw a0, 32(sp)
    lw a1, 36(sp)
    lw a2, 40(sp)
    lw a3, 44(sp)
    lw a4, 48(sp)
    lw a5, 52(sp)
    lw a6, 56(sp)
    lw a7, 60(sp)
    addi sp, sp, 64
    mret

unexpected:
    la a0, unexpected_msg
    call puts
    li t0, FINISHER
    li t1, (1 << 16) | FINISHER_FAIL
    sw t1, 0(t0)
1:  j 1b

/* arm_timer(): mtimecmp = mtime + INTERVAL, written so that no moment has a deadline in the past. */
    .globl arm_timer
arm_timer:
    li t0, CLINT_MTIME
2:  lw t2, 4(t0)                /* mtime's halves, read again if the low half wrapped between */
    lw a0, 0(t0)
    lw t1, 4(t0)
    bne t1, t2, 2b
    li t0, INTERVAL
    add t0, a0, t0              /* low half of the deadline */
    sltu a0, t0, a0             /* its carry into the high half */
    add t1, t1, a0
    li a0, CLINT_MTIMECMP
    li t2, -1
    sw t2, 4(a0)                /* the high half at its maximum first, */
    sw t0, 0(a0)                /* then the low half, */
    sw t1, 4(a0)                /* then the real high half */
    ret

/* print_tick(a0 = tick number, 1..9): prints "tick N". */
print_tick:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, 8(sp)
    la a0, tick_msg
    call puts
    lw a0, 8(sp)
    addi a0, a0, '0'
    call putc
    la a0, crlf
    call puts
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

    .section .rodata
tick_msg:
    .string "  tick "
crlf:
    .string "\r\n"
unexpected_msg:
    .string "unexpected trap: powering off\r\n"
