/*
 * Privilege modes: mret/sret transitions and the mstatus fields they move (MIE/MPIE/MPP,
 * SIE/SPIE/SPP, MPRV), sstatus/sie/sip as views of mstatus/mie/mip, exception delegation with
 * medeleg (U and S exceptions handled by an S-mode handler; M-mode exceptions never delegated),
 * counter access control (mcounteren, scounteren), and minstret/mcycle monotonicity.
 * CSR values are printed masked to the RV32IMAC-relevant bits (QEMU's default CPU also has F, D, H).
 * Built without C.
 */
#include "runtime.h"

#define MSTATUS_SHOW (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPP | \
                      MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define SSTATUS_SHOW (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)
#define EXC_STD 0xb3ffu   /* standard delegable exception causes 0-9, 12, 13, 15 */
#define IRQ_S   0x222u

void mret_self(void);
extern char after_sret_m[], s_ecall_now[], u_seq[], u_seq_ecall[], u_seq_illegal[],
    u_seq_ebreak[], u_seq_load[], u_seq_exit[], s_ebreak_stub[], u_counters[], s_counters[];

/* ---- M-mode hook: records every trap, including ecalls that end enter_mode() ---- */
static volatile uint32_t m_status_at_trap, m_cause, m_count;
static void m_hook(struct trap_frame *f)
{
    m_status_at_trap = f->mstatus;
    m_cause = f->mcause;
    m_count++;
    trap_record(f);
}

/* ---- S-mode handler for delegated exceptions ---- */
struct srec { uint32_t cause, tval, epc, spp, spie; };
static volatile struct srec slog[8];
static volatile uint32_t ns;

__attribute__((interrupt("supervisor"), aligned(4))) void s_handler(void)
{
    uint32_t cause = csr_read(scause), epc = csr_read(sepc), st = csr_read(sstatus);
    if (ns < 8) {
        slog[ns].cause = cause;
        slog[ns].tval = csr_read(stval);
        slog[ns].epc = epc;
        slog[ns].spp = (st >> 8) & 1;
        slog[ns].spie = (st >> 5) & 1;
    }
    ns++;
    if (cause == 8 && epc == (uint32_t)u_seq_exit)
        __asm__ volatile("ecall" ::: "memory");   /* from S, not delegated: back to M for good */
    csr_write(sepc, epc + 4);
}

static void print_slog(const char *title, uintptr_t base)
{
    pr("%s: %u S trap(s)\n", title, ns);
    for (uint32_t i = 0; i < ns && i < 8; i++)
        pr("  scause=%u stval=%08x sepc=+%x SPP=%u SPIE=%u\n", slog[i].cause, slog[i].tval,
           slog[i].epc - (uint32_t)base, slog[i].spp, slog[i].spie);
    ns = 0;
}

static uint64_t rd64_instret(void)
{
    uint32_t hi, lo;
    do {
        hi = csr_read(minstreth);
        lo = csr_read(minstret);
    } while (hi != csr_read(minstreth));
    return ((uint64_t)hi << 32) | lo;
}
static uint64_t rd64_cycle(void)
{
    uint32_t hi, lo;
    do {
        hi = csr_read(mcycleh);
        lo = csr_read(mcycle);
    } while (hi != csr_read(mcycleh));
    return ((uint64_t)hi << 32) | lo;
}

static uint32_t ms(void) { return csr_read(mstatus) & MSTATUS_SHOW; }

/* counter access: runs the stub in `mode`, returns a bitmask of the counters it could read */
static uint32_t counters(uint32_t mode)
{
    char *stub = mode == PRV_U ? u_counters : s_counters;
    trap_reset();
    uint32_t ok = enter_mode(mode, (uintptr_t)stub, 0);
    return ok;
}

int main(void)
{
    pr("priv test\n");
    trap_hook = m_hook;
    pmp_allow_all();
    csr_write(mstatus, 0);
    pr("mstatus at start: %x\n", ms());

    /* 1. mret to M: MIE <- MPIE, MPIE <- 1, MPP <- U */
    csr_set(mstatus, MSTATUS_MPIE | MSTATUS_MPP);
    mret_self();
    pr("after mret (MPP=M, MPIE=1): %x\n", ms());
    csr_clear(mstatus, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP);
    csr_set(mstatus, MSTATUS_MPP);
    mret_self();
    pr("after mret (MPP=M, MPIE=0): %x\n", ms());

    /* 2. mret to S, then ecall back: the trap saves MIE into MPIE and S into MPP */
    csr_clear(mstatus, MSTATUS_MPP);
    csr_set(mstatus, MSTATUS_MPIE);
    m_count = 0;
    enter_mode(PRV_S, (uintptr_t)s_ecall_now, 0);
    pr("ecall from S (entered with MPIE=1): cause=%u mstatus at trap=%x\n", m_cause,
       m_status_at_trap & MSTATUS_SHOW);
    csr_clear(mstatus, MSTATUS_MIE | MSTATUS_MPIE);
    enter_mode(PRV_S, (uintptr_t)s_ecall_now, 0);
    pr("ecall from S (entered with MPIE=0): cause=%u mstatus at trap=%x\n", m_cause,
       m_status_at_trap & MSTATUS_SHOW);
    enter_mode(PRV_U, (uintptr_t)s_ecall_now, 0);
    pr("ecall from U: cause=%u mstatus at trap=%x\n", m_cause, m_status_at_trap & MSTATUS_SHOW);
    /* (Not checked: whether mret to a mode below M clears MPRV. Priv 1.12 says so; QEMU 7.2 does
     * not, as in priv 1.11.) */

    /* 3. sret executed in M: SIE <- SPIE, SPIE <- 1, SPP <- U, mode <- SPP (S here) */
    csr_clear(mstatus, MSTATUS_SIE);
    csr_set(mstatus, MSTATUS_SPIE | MSTATUS_SPP);
    m_count = 0;
    trap_reset();
    last_ecall.count = 0;
    {
        /* sret to after_sret_m in S-mode, which ecalls; enter_mode() supplies the way back */
        extern char sret_from_m[];
        enter_mode(PRV_M, (uintptr_t)sret_from_m, 0);
    }
    pr("sret from M: landed in mode %u, mstatus at ecall=%x\n", last_ecall.mpp,
       m_status_at_trap & MSTATUS_SHOW);

    /* 4. sstatus, sie and sip are views */
    csr_write(mstatus, 0);
    csr_write(sstatus, 0xffffffffu);
    pr("sstatus=~0: mstatus=%x sstatus=%x\n", ms(), csr_read(sstatus) & SSTATUS_SHOW);
    csr_write(sstatus, 0);
    csr_write(mstatus, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP);
    pr("mstatus with M fields: sstatus=%x\n", csr_read(sstatus) & SSTATUS_SHOW);
    csr_write(mstatus, 0);
    csr_write(mideleg, 0);
    csr_write(mie, 0xaaa);
    pr("mie=%x mideleg=0: sie=%x\n", csr_read(mie) & 0xaaa, csr_read(sie) & 0xaaa);
    csr_write(mideleg, IRQ_S);
    pr("mideleg=%x: sie=%x\n", csr_read(mideleg) & IRQ_S, csr_read(sie) & 0xaaa);
    csr_write(sie, 0);
    pr("sie=0: mie=%x\n", csr_read(mie) & 0xaaa);
    csr_write(mie, 0);
    csr_set(mip, MIP_SSIP);
    pr("mip.SSIP=1: sip=%x\n", csr_read(sip) & 0xaaa);
    csr_clear(sip, MIP_SSIP);
    pr("sip.SSIP cleared via sip: mip=%x\n", csr_read(mip) & 0x222);
    csr_write(mideleg, 0);

    /* 5. medeleg */
    csr_write(stvec, (uint32_t)s_handler);
    csr_write(medeleg, (1u << 2) | (1u << 3) | (1u << 5) | (1u << 8));
    pr("medeleg=%x\n", csr_read(medeleg) & EXC_STD);
    csr_set(mstatus, MSTATUS_SIE);   /* SPIE should capture it */
    ns = 0;
    enter_mode(PRV_U, (uintptr_t)u_seq, 0);
    pr("back in M from S: cause=%u\n", m_cause);
    print_slog("delegated from U", (uintptr_t)u_seq);
    pr("mstatus after: %x\n", ms());
    enter_mode(PRV_S, (uintptr_t)s_ebreak_stub, 0);
    print_slog("delegated ebreak from S", (uintptr_t)s_ebreak_stub);
    /* never delegated from M */
    trap_reset();
    __asm__ volatile("ebreak" ::: "memory");
    pr("ebreak in M with medeleg bit 3: M trap cause=%u, S traps=%u\n", last_trap.cause, ns);
    csr_write(medeleg, 0);
    csr_clear(mstatus, MSTATUS_SIE);

    /* 6. counters: bit 0 cycle, 1 time, 2 instret, 3-5 the same for the h halves */
    for (int i = 0; i < 4; i++) {
        static const uint32_t mc[] = {0, 7, 7, 5};
        static const uint32_t sc[] = {0, 0, 7, 2};
        csr_write(mcounteren, mc[i]);
        csr_write(scounteren, sc[i]);
        uint32_t s = counters(PRV_S), u = counters(PRV_U);
        pr("mcounteren=%u scounteren=%u: S reads %x, U reads %x\n", mc[i], sc[i], s, u);
    }
    csr_write(mcounteren, 0);
    csr_write(scounteren, 0);

    /* 7. minstret / mcycle move forward (64-bit reads; values are never printed) */
    uint64_t i0 = rd64_instret(), c0 = rd64_cycle();
    volatile uint32_t x = 0;
    for (int i = 0; i < 1000; i++)
        x += i;
    uint64_t i1 = rd64_instret(), c1 = rd64_cycle();
    pr("minstret increased: %s, mcycle increased: %s\n", i1 > i0 ? "yes" : "no", c1 > c0 ? "yes" : "no");
    return 0;
}

__asm__(
    ".text\n"
    /* mret with mepc = the instruction after it (stays in M when MPP = M) */
    ".globl mret_self\n.balign 4\n"
    "mret_self: la t0, 1f\n"
    "  csrw mepc, t0\n"
    "  mret\n"
    "1: ret\n"
    ".globl s_ecall_now\n.balign 4\n"
    "s_ecall_now: ecall\n"
    "  ret\n"
    /* sret from M-mode with SPP=S: continues in S at after_sret_m */
    ".globl sret_from_m, after_sret_m\n.balign 4\n"
    "sret_from_m: la t0, after_sret_m\n"
    "  csrw sepc, t0\n"
    "  sret\n"
    "after_sret_m: ecall\n"
    /* U-mode: ecall, an illegal instruction, ebreak, a load access fault, each delegated to S */
    ".globl u_seq, u_seq_ecall, u_seq_illegal, u_seq_ebreak, u_seq_load\n.balign 4\n"
    "u_seq:\n"
    "u_seq_ecall: ecall\n"
    "u_seq_illegal: .word 0x0000000b\n"
    "u_seq_ebreak: ebreak\n"
    "  li t0, 0\n"
    "u_seq_load: lw t1, 0(t0)\n"
    ".globl u_seq_exit\n"
    "u_seq_exit: ecall\n"
    ".globl s_ebreak_stub\n.balign 4\n"
    "s_ebreak_stub: ebreak\n"
    "  li a0, 0x98\n"
    "  ret\n"
    /* counter reads: each readable counter sets a bit in a0; a trapping read is skipped by the M
       handler, leaving its bit clear (the csrr targets t0, and the bit set comes after) */
    ".globl u_counters, s_counters\n.balign 4\n"
    "u_counters:\n"
    "s_counters: li a0, 0\n"
    "  li t1, 0\n"
    "  csrr t1, cycle\n"
    "  beqz t1, 1f\n"
    "  ori a0, a0, 1\n"
    "1: li t1, 0\n"
    "  csrr t1, time\n"
    "  beqz t1, 2f\n"
    "  ori a0, a0, 2\n"
    "2: li t1, 0\n"
    "  csrr t1, instret\n"
    "  beqz t1, 3f\n"
    "  ori a0, a0, 4\n"
    "3: ret\n");
