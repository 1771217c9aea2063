/* One faulting instruction per stub, at the stub's first byte, then ret. Built without C. */
    .text
#define STUB(name, ...) .globl name; .balign 4; name: __VA_ARGS__; ret

STUB(t_custom0,      .word 0x0000000b)          /* custom-0 opcode */
STUB(t_allones,      .word 0xffffffff)
STUB(t_bad_funct7,   .word 0x40001033)          /* OP funct3=1 (sll) with funct7=0x20 */
STUB(t_slli32,       .word 0x02051513)          /* slli a0, a0, 32: shamt[5] set, reserved on RV32 */
STUB(t_srai32,       .word 0x42055513)          /* srai a0, a0, 32 */
STUB(t_bad_load,     .word 0x00053503)          /* ld a0, 0(a0): RV64 only */
STUB(t_bad_load7,    .word 0x00057503)          /* LOAD funct3=7 */
STUB(t_bad_store,    .word 0x00a53023)          /* sd a0, 0(a0): RV64 only */
STUB(t_bad_branch,   .word 0x00002063)          /* BRANCH funct3=2 */
STUB(t_bad_jalr,     .word 0x00051067)          /* JALR funct3=1 */
STUB(t_bad_amo,      .word 0xf805202f)          /* AMO funct5=0x1f */
STUB(t_amo_d,        .word 0x0005302f)          /* amoadd.d: RV64 only */
STUB(t_lr_rs2,       .word 0x1015252f)          /* lr.w with rs2 != 0: reserved */
STUB(t_fadd,         .word 0x00b57553)          /* fadd.s: no F here (QEMU: FS = Off) */
STUB(t_csr_none,     csrr a0, 0x0ff)            /* unallocated CSR */
STUB(t_csr_custom,   csrr a0, 0x7c0)            /* custom M-mode CSR, not implemented */
STUB(t_csrw_mvendorid, csrw mvendorid, zero)    /* read-only CSR */
STUB(t_csrw_mhartid, csrw mhartid, a0)
STUB(t_csrrwi_marchid, csrrwi a0, marchid, 0)   /* csrrw always writes, even with 0 */
STUB(t_csrrsi_mimpid0, csrrsi a0, mimpid, 0)    /* no write: legal */
STUB(t_csrrs_mvendorid_x0, csrrs a0, mvendorid, x0) /* no write: legal */
STUB(t_csrw_cycle,   csrw cycle, zero)          /* user counters are read-only */
STUB(t_csrw_time,    csrw time, zero)
STUB(t_ebreak,       ebreak)
STUB(t_ecall,        ecall)
STUB(t_mret_u,       mret)
STUB(t_sret_u,       sret)
STUB(t_wfi_u,        wfi)
STUB(t_csr_mstatus,  csrr a0, mstatus)
STUB(t_csr_sstatus,  csrr a0, sstatus)
STUB(t_csr_mscratch_w, csrw mscratch, a0)
STUB(t_csr_satp,     csrr a0, satp)
STUB(t_sfence,       sfence.vma)
STUB(t_csrw_sscratch, csrw sscratch, a0)
STUB(t_lw,           lw a0, 0(a0))
STUB(t_lh,           lh a0, 0(a0))
STUB(t_lbu,          lbu a0, 0(a0))
STUB(t_sw,           sw a0, 0(a0))
STUB(t_sb,           sb a0, 0(a0))
STUB(t_lr,           lr.w a0, (a0))

    /* a stub whose faulting instruction is not the first: an lw after three adds */
    .globl t_late
    .balign 4
t_late:
    addi a1, a0, 1
    addi a1, a1, 1
    addi a1, a1, 1
    lw a0, 0(a0)
    ret

    /* precise state: the instructions before the fault have run, the faulting one has not
       written its destination, and the ones after it run once the handler skips it */
    .globl t_precise
    .balign 4
t_precise:
    li a1, 0x111
    li a2, 0x222
    lw a1, 0(a0)
    li a2, 0x333
    mv a0, a1
    slli a0, a0, 12
    or a0, a0, a2
    ret

    /* a faulting store leaves memory alone; a1 = address of a word that must stay unchanged */
    .globl t_store_pair
    .balign 4
t_store_pair:
    li t0, 0x5a5a
    sw t0, 0(a1)
    sw t0, 0(a0)
    li t0, 0x6b6b
    sw t0, 4(a1)
    ret
