/*
 * Synchronous exceptions in M, S and U mode: illegal instructions (reserved encodings, bad or
 * read-only CSRs, privileged instructions from lower modes, TW/TSR/TVM), ebreak, ecall from U/S/M,
 * load/store/fetch access faults on unmapped addresses, misaligned LR.
 * Not covered on purpose (QEMU 7.2 departs from the spec): AMO access faults (QEMU: cause 5, not 7),
 * misaligned AMOs (QEMU: cause 4, not 6), misaligned SC without a reservation (QEMU: no trap). For each: mcause,
 * mtval, mepc as an offset from the stub that holds the faulting instruction, and the mode it came
 * from (mstatus.MPP). Built without C.
 */
#include "runtime.h"

#define STUBS(X)                                                                                    \
    X(t_custom0) X(t_allones) X(t_bad_funct7) X(t_slli32) X(t_srai32) X(t_bad_load) X(t_bad_load7)  \
    X(t_bad_store) X(t_bad_branch) X(t_bad_jalr) X(t_bad_amo) X(t_amo_d) X(t_lr_rs2) X(t_fadd)      \
    X(t_csr_none) X(t_csr_custom) X(t_csrw_mvendorid) X(t_csrw_mhartid) X(t_csrrwi_marchid)         \
    X(t_csrrsi_mimpid0) X(t_csrrs_mvendorid_x0) X(t_csrw_cycle) X(t_csrw_time) X(t_ebreak)          \
    X(t_ecall) X(t_mret_u) X(t_sret_u) X(t_wfi_u) X(t_csr_mstatus) X(t_csr_sstatus)                  \
    X(t_csr_mscratch_w) X(t_csr_satp) X(t_sfence) X(t_csrw_sscratch) X(t_lw) X(t_lh) X(t_lbu)       \
    X(t_sw) X(t_sb) X(t_lr) X(t_late) X(t_precise) X(t_store_pair)
#define DECL(n) extern char n[];
STUBS(DECL)

static const char *const MODE[] = {"U", "S", "?", "M"};

/* Runs stub(arg) in `mode` and reports the trap it took (if any). */
static void run(const char *name, uint32_t mode, char *stub, uint32_t arg)
{
    trap_reset();
    last_ecall.count = 0;
    if (mode == PRV_M)
        ((uint32_t(*)(uint32_t))stub)(arg);
    else
        enter_mode(mode, (uintptr_t)stub, arg);
    if (last_trap.count == 0) {
        pr("%s/%s: no trap\n", MODE[mode], name);
        return;
    }
    pr("%s/%s: cause=%u tval=%08x epc=+%x from=%s\n", MODE[mode], name, last_trap.cause,
       last_trap.tval, last_trap.epc - (uint32_t)stub, MODE[last_trap.mpp]);
}

static void fetch_fault(const char *name, uint32_t target)
{
    trap_reset();
    ((void (*)(void))(uintptr_t)target)();
    pr("M/%s: cause=%u tval=%08x epc=%08x\n", name, last_trap.cause, last_trap.tval, last_trap.epc);
}

static void ecall_from(uint32_t mode)
{
    trap_reset();
    last_ecall.count = 0;
    enter_mode(mode, (uintptr_t)t_ecall, 0);
    pr("%s/ecall: cause=%u tval=%08x epc=+%x from=%s\n", MODE[mode], last_ecall.cause, last_ecall.tval,
       last_ecall.epc - (uint32_t)t_ecall, MODE[last_ecall.mpp]);
}

static uint32_t word[4] __attribute__((aligned(16)));

static volatile uint32_t seen_a1, seen_a2;
static void precise_hook(struct trap_frame *f)
{
    seen_a1 = f->x[11];
    seen_a2 = f->x[12];
    trap_record(f);
}

int main(void)
{
    pr("traps test\n");
    trap_hook = trap_record;
    pmp_allow_all();

    pr("-- illegal encodings (M)\n");
    run("custom-0", PRV_M, t_custom0, 0);
    run("all-ones", PRV_M, t_allones, 0);
    run("OP funct7", PRV_M, t_bad_funct7, 0);
    run("slli 32", PRV_M, t_slli32, 0);
    run("srai 32", PRV_M, t_srai32, 0);
    run("ld (RV64)", PRV_M, t_bad_load, (uint32_t)word);
    run("LOAD funct3=7", PRV_M, t_bad_load7, (uint32_t)word);
    run("sd (RV64)", PRV_M, t_bad_store, (uint32_t)word);
    run("BRANCH funct3=2", PRV_M, t_bad_branch, 0);
    run("JALR funct3=1", PRV_M, t_bad_jalr, 0);
    run("AMO funct5=1f", PRV_M, t_bad_amo, (uint32_t)word);
    run("amoadd.d", PRV_M, t_amo_d, (uint32_t)word);
    run("lr.w rs2!=0", PRV_M, t_lr_rs2, (uint32_t)word);
    run("fadd.s", PRV_M, t_fadd, 0);

    pr("-- CSRs (M)\n");
    run("csrr 0x0ff", PRV_M, t_csr_none, 0);
    run("csrr 0x7c0", PRV_M, t_csr_custom, 0);
    run("csrw mvendorid", PRV_M, t_csrw_mvendorid, 0);
    run("csrw mhartid", PRV_M, t_csrw_mhartid, 0);
    run("csrrwi marchid,0", PRV_M, t_csrrwi_marchid, 0);
    run("csrrsi mimpid,0", PRV_M, t_csrrsi_mimpid0, 0);
    run("csrrs mvendorid,x0", PRV_M, t_csrrs_mvendorid_x0, 0);
    run("csrw cycle", PRV_M, t_csrw_cycle, 0);
    run("csrw time", PRV_M, t_csrw_time, 0);

    pr("-- ebreak / ecall\n");
    run("ebreak", PRV_M, t_ebreak, 0);
    run("ebreak", PRV_S, t_ebreak, 0);
    run("ebreak", PRV_U, t_ebreak, 0);
    run("ecall", PRV_M, t_ecall, 0);
    ecall_from(PRV_S);
    ecall_from(PRV_U);

    pr("-- privileged instructions from U\n");
    run("mret", PRV_U, t_mret_u, 0);
    run("sret", PRV_U, t_sret_u, 0);
    run("wfi", PRV_U, t_wfi_u, 0);
    run("csrr mstatus", PRV_U, t_csr_mstatus, 0);
    run("csrr sstatus", PRV_U, t_csr_sstatus, 0);
    run("csrw mscratch", PRV_U, t_csr_mscratch_w, 0);
    run("csrr satp", PRV_U, t_csr_satp, 0);
    run("sfence.vma", PRV_U, t_sfence, 0);
    run("csrw sscratch", PRV_U, t_csrw_sscratch, 0);

    pr("-- privileged instructions from S\n");
    run("mret", PRV_S, t_mret_u, 0);
    run("csrr mstatus", PRV_S, t_csr_mstatus, 0);
    run("csrw mscratch", PRV_S, t_csr_mscratch_w, 0);
    run("csrr sstatus", PRV_S, t_csr_sstatus, 0);
    run("csrw sscratch", PRV_S, t_csrw_sscratch, 0x1234);
    run("csrr satp", PRV_S, t_csr_satp, 0);
    run("sfence.vma", PRV_S, t_sfence, 0);
    csr_set(mstatus, MSTATUS_TW);
    run("wfi (TW=1)", PRV_S, t_wfi_u, 0);
    csr_clear(mstatus, MSTATUS_TW);
    csr_set(mstatus, MSTATUS_TSR);
    run("sret (TSR=1)", PRV_S, t_sret_u, 0);
    csr_clear(mstatus, MSTATUS_TSR);
    csr_set(mstatus, MSTATUS_TVM);
    run("csrr satp (TVM=1)", PRV_S, t_csr_satp, 0);
    run("sfence.vma (TVM=1)", PRV_S, t_sfence, 0);
    csr_clear(mstatus, MSTATUS_TVM);
    run("csrr satp (TVM=0)", PRV_S, t_csr_satp, 0);

    pr("-- access faults (nothing mapped at 0x0, 0x8000000, 0x90000000)\n");
    run("lw 0x0", PRV_M, t_lw, 0x0);
    run("lh 0x2", PRV_M, t_lh, 0x2);
    run("lbu 0x8000003", PRV_M, t_lbu, 0x08000003);
    run("lw 0x90000000", PRV_M, t_lw, 0x90000000);
    run("sw 0x0", PRV_M, t_sw, 0x0);
    run("sb 0x90000001", PRV_M, t_sb, 0x90000001);
    run("lr 0x0", PRV_M, t_lr, 0x0);
    run("lw 0x0", PRV_S, t_lw, 0x0);
    run("sw 0x0", PRV_U, t_sw, 0x0);
    run("late lw 0x0", PRV_M, t_late, 0x0);
    {
        trap_hook = precise_hook;
        trap_reset();
        uint32_t r = ((uint32_t(*)(uint32_t))t_precise)(0x0);
        pr("M/precise: cause=%u at fault a1=%x a2=%x, result=%x\n", last_trap.cause, seen_a1, seen_a2, r);
        static volatile uint32_t pair[2];
        trap_reset();
        ((void (*)(uint32_t, volatile uint32_t *))t_store_pair)(0x0, pair);
        pr("M/store pair: cause=%u words=%x %x\n", last_trap.cause, pair[0], pair[1]);
        trap_hook = trap_record;
    }
    fetch_fault("jump 0x0", 0x0);
    fetch_fault("jump 0x90000000", 0x90000000);
    fetch_fault("jump 0x8000000", 0x08000000);

    pr("-- misaligned LR\n");
    run("lr.w +2", PRV_M, t_lr, (uint32_t)word + 2);
    run("lr.w aligned", PRV_M, t_lr, (uint32_t)word);
    return 0;
}
