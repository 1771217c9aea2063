/*
 * The timer example: a machine-mode program in three sources, assembled together at launch (see
 * .vscode/launch.json). main.S sets up a stack and the trap vector, arms the CLINT timer and sleeps
 * in wfi; each timer interrupt (trap.S) prints a line through the UART routines (uart.S) and re-arms
 * the timer; after five ticks main.S powers the board off.
 *
 * Things to try: a breakpoint in trap_entry, the mcause/mepc registers in the CSRs scope, the CLINT
 * in the Devices view, and "Trap: timer interrupt" among the exception breakpoints.
 */
    .include "board.inc"

    .section .text.init, "ax"
    .globl _start
_start:
    la sp, stack_top
    la t0, trap_entry
    csrw mtvec, t0              /* direct mode: every trap enters trap_entry */
    la a0, banner
    call puts

    call arm_timer              /* the first deadline: now + INTERVAL */
    li t0, MIE_MTIE
    csrs mie, t0
    csrsi mstatus, MSTATUS_MIE

sleep:
    wfi                         /* wakes when the timer interrupt is pending */
    lw t0, ticks
    li t1, TICKS_WANTED
    bltu t0, t1, sleep

    csrci mstatus, MSTATUS_MIE
    la a0, goodbye
    call puts
    li t0, FINISHER
    li t1, FINISHER_PASS
    sw t1, 0(t0)
1:  j 1b

    .data
    .balign 4                   /* a word's natural alignment */
    .globl ticks
ticks:
    .word 0                     /* incremented by the interrupt handler */

    .section .rodata
banner:
    .string "Timer example: five interrupts from the CLINT, one every 0.1 s of machine time.\r\n"
goodbye:
    .string "Five ticks: powering off.\r\n"

    .bss
    .balign 16
stack:
    .space 1024
stack_top:
