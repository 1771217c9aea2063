/* Shared bare-metal startup for Translucent test guests (M-mode, RAM at 0x80000000). */
#define FRAME 144
    .section .text.init, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    la t0, __trap_stack_top
    csrw mscratch, t0
    la t0, trap_entry
    csrw mtvec, t0
    /* mtimecmp = max: at reset it is 0, so MTIP would be pending (QEMU then leaves its
       translated code at every block boundary to look at the interrupt, a big slowdown) */
    li t0, 0x02004000
    li t1, -1
    sw t1, 4(t0)
    sw t1, 0(t0)
    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  call main
    tail exit

/*
 * M-mode trap entry: swaps to the trap stack (mscratch), saves every register into a
 * struct trap_frame { x[32]; mepc; mcause; mtval; mstatus; }, calls trap_handler(frame),
 * then restores x1..x31 (x2 from the frame too) and mepc from the frame and returns with mret.
 */
    .text
    .balign 64
    .globl trap_entry
trap_entry:
    csrrw sp, mscratch, sp
    addi sp, sp, -FRAME
    sw x1, 4(sp)
    sw x3, 12(sp)
    sw x4, 16(sp)
    sw x5, 20(sp)
    sw x6, 24(sp)
    sw x7, 28(sp)
    sw x8, 32(sp)
    sw x9, 36(sp)
    sw x10, 40(sp)
    sw x11, 44(sp)
    sw x12, 48(sp)
    sw x13, 52(sp)
    sw x14, 56(sp)
    sw x15, 60(sp)
    sw x16, 64(sp)
    sw x17, 68(sp)
    sw x18, 72(sp)
    sw x19, 76(sp)
    sw x20, 80(sp)
    sw x21, 84(sp)
    sw x22, 88(sp)
    sw x23, 92(sp)
    sw x24, 96(sp)
    sw x25, 100(sp)
    sw x26, 104(sp)
    sw x27, 108(sp)
    sw x28, 112(sp)
    sw x29, 116(sp)
    sw x30, 120(sp)
    sw x31, 124(sp)
    csrr t0, mscratch
    sw t0, 8(sp)
    sw zero, 0(sp)
    csrr t0, mepc
    sw t0, 128(sp)
    csrr t0, mcause
    sw t0, 132(sp)
    csrr t0, mtval
    sw t0, 136(sp)
    csrr t0, mstatus
    sw t0, 140(sp)
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    mv a0, sp
    call trap_handler
    lw t0, 128(sp)
    csrw mepc, t0
    lw t0, 8(sp)
    csrw mscratch, t0
    lw x1, 4(sp)
    lw x3, 12(sp)
    lw x4, 16(sp)
    lw x5, 20(sp)
    lw x6, 24(sp)
    lw x7, 28(sp)
    lw x8, 32(sp)
    lw x9, 36(sp)
    lw x10, 40(sp)
    lw x11, 44(sp)
    lw x12, 48(sp)
    lw x13, 52(sp)
    lw x14, 56(sp)
    lw x15, 60(sp)
    lw x16, 64(sp)
    lw x17, 68(sp)
    lw x18, 72(sp)
    lw x19, 76(sp)
    lw x20, 80(sp)
    lw x21, 84(sp)
    lw x22, 88(sp)
    lw x23, 92(sp)
    lw x24, 96(sp)
    lw x25, 100(sp)
    lw x26, 104(sp)
    lw x27, 108(sp)
    lw x28, 112(sp)
    lw x29, 116(sp)
    lw x30, 120(sp)
    lw x31, 124(sp)
    addi sp, sp, FRAME
    csrrw sp, mscratch, sp
    mret

/*
 * uint32_t enter_mode(uint32_t mode, uintptr_t entry, uint32_t arg)
 * From M-mode: runs entry(arg) in `mode` (0 = U, 1 = S, 3 = M) with the current stack. When that
 * code returns (to mode_exit_stub, which does ecall) or the trap handler calls leave_to_m(v),
 * enter_mode returns v in M-mode.
 */
    .globl enter_mode
enter_mode:
    la t0, m_ctx
    sw ra, 0(t0)
    sw sp, 4(t0)
    sw s0, 8(t0)
    sw s1, 12(t0)
    sw s2, 16(t0)
    sw s3, 20(t0)
    sw s4, 24(t0)
    sw s5, 28(t0)
    sw s6, 32(t0)
    sw s7, 36(t0)
    sw s8, 40(t0)
    sw s9, 44(t0)
    sw s10, 48(t0)
    sw s11, 52(t0)
    sw gp, 56(t0)
    sw tp, 60(t0)
    li t1, 0x1800
    csrc mstatus, t1
    andi a0, a0, 3
    slli t2, a0, 11
    csrs mstatus, t2
    csrw mepc, a1
    mv a0, a2
    la ra, mode_exit_stub
    mret

    .globl mode_exit_stub
    .balign 4
mode_exit_stub:
    ecall
1:  j 1b

/* void leave_to_m(uint32_t value): only from M-mode (the trap handler); resumes enter_mode's caller. */
    .globl leave_to_m
leave_to_m:
    la t0, __trap_stack_top
    csrw mscratch, t0
    la t0, m_ctx
    lw ra, 0(t0)
    lw sp, 4(t0)
    lw s0, 8(t0)
    lw s1, 12(t0)
    lw s2, 16(t0)
    lw s3, 20(t0)
    lw s4, 24(t0)
    lw s5, 28(t0)
    lw s6, 32(t0)
    lw s7, 36(t0)
    lw s8, 40(t0)
    lw s9, 44(t0)
    lw s10, 48(t0)
    lw s11, 52(t0)
    lw gp, 56(t0)
    lw tp, 60(t0)
    ret

    .bss
    .balign 4
m_ctx:
    .space 64
