# Probe runtime: M-mode start, a trap handler that records traps into `last_trap`, and
# enter_mode(mode, fn) which runs fn in a lower privilege until it executes ecall.
  .section .text.start
  .globl _start
_start:
  la sp, stack_top
  la t0, trap_entry
  csrw mtvec, t0
  call main
  li t0, 0x100000
  li t1, 0x5555
  sw t1, 0(t0)
1: j 1b

  .text
  .align 2
  .globl trap_entry
trap_entry:
  csrw mscratch, sp
  la sp, trap_stack_top
  addi sp, sp, -128
  .irp r,1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  sw x\r, (\r*4)(sp)
  .endr
  call trap_handler
  .irp r,1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
  lw x\r, (\r*4)(sp)
  .endr
  csrr sp, mscratch
  mret

  .globl enter_mode
enter_mode:            # a0 = mode (0,1), a1 = function
  la t0, saved_regs
  sw ra, 0(t0)
  sw sp, 4(t0)
  .irp i,0,1,2,3,4,5,6,7,8,9,10,11
  sw s\i, (8+\i*4)(t0)
  .endr
  li t1, 0x1800
  csrc mstatus, t1
  slli a0, a0, 11
  csrs mstatus, a0
  csrw mepc, a1
  mret
  .globl leave_mode_return
leave_mode_return:
  la t0, saved_regs
  lw ra, 0(t0)
  lw sp, 4(t0)
  .irp i,0,1,2,3,4,5,6,7,8,9,10,11
  lw s\i, (8+\i*4)(t0)
  .endr
  ret

  .bss
  .align 4
saved_regs: .space 64
  .space 4096
trap_stack_top:
