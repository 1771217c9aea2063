/*
 * Interrupts from the CLINT and mip: machine timer (mtimecmp) with WFI, machine software interrupt
 * (msip), mie masking, delegation of the supervisor
 * software/timer interrupts to S-mode (mideleg, sip/sie, sstatus.SIE), interrupts from lower modes,
 * and vectored mtvec. Nothing time-dependent is printed: timer tests wait with WFI and print only
 * causes and the instruction the interrupt came at. Built without C.
 * (Several interrupts pending at once: see irq-priority.c.)
 */
#include "runtime.h"

extern char wfi_site[], after_msie[], after_sie[], s_entry_u[], vec_table[], spin_forever[], spin_escape[];
extern volatile uint32_t vec_hit3, vec_hit7, vec_hit0;
uint32_t s_func_sie(uint32_t arg);

/* ---- CLINT helpers ---- */
static uint64_t mtime(void)
{
    uint32_t hi, lo;
    do {
        hi = REG32(CLINT_MTIME + 4);
        lo = REG32(CLINT_MTIME);
    } while (hi != REG32(CLINT_MTIME + 4));
    return ((uint64_t)hi << 32) | lo;
}
static void set_mtimecmp(uint64_t v)
{
    REG32(CLINT_MTIMECMP + 4) = 0xffffffffu;
    REG32(CLINT_MTIMECMP) = (uint32_t)v;
    REG32(CLINT_MTIMECMP + 4) = (uint32_t)(v >> 32);
}
static void timer_off(void) { set_mtimecmp(~0ull); }

/* ---- trap log ---- */
struct ent { char who; uint32_t cause, epc, prev; };
static volatile struct ent logv[16];
static volatile uint32_t nlog;

static void log_add(char who, uint32_t cause, uint32_t epc, uint32_t prev)
{
    if (nlog < 16) {
        logv[nlog].who = who;
        logv[nlog].cause = cause;
        logv[nlog].epc = epc;
        logv[nlog].prev = prev;
    }
    nlog++;
}

static void print_log(const char *title, uintptr_t base)
{
    pr("%s: %u trap(s)\n", title, nlog);
    for (uint32_t i = 0; i < nlog && i < 16; i++) {
        pr("  %c cause=%08x", logv[i].who, logv[i].cause);
        if (base)
            pr(" epc=+%x", logv[i].epc - (uint32_t)base);
        pr(" prev=%u\n", logv[i].prev);
    }
    nlog = 0;
}

static void clear_source(uint32_t code)
{
    switch (code) {
    case 1: csr_clear(mip, MIP_SSIP); break;
    case 3: REG32(CLINT_MSIP) = 0; break;
    case 5: csr_clear(mip, MIP_STIP); break;
    case 7: timer_off(); break;
    default: pr("unexpected interrupt code %u\n", code); exit(97);
    }
}

#define SBI_CLEAR_STIP 0x5b1
static volatile uint32_t escape_to;   /* when set, the next interrupt returns there */
static void m_hook(struct trap_frame *f)
{
    uint32_t c = f->mcause;
    if (c & 0x80000000u) {
        log_add('M', c, f->mepc, (f->mstatus >> 11) & 3);
        clear_source(c & 0xff);
        if (escape_to) {
            f->mepc = escape_to;
            escape_to = 0;
        }
        return;
    }
    if (c == 9 && f->x[7] == SBI_CLEAR_STIP) {   /* "SBI call" from the S handler */
        csr_clear(mip, MIP_STIP);
        f->mepc += 4;
        return;
    }
    trap_record(f);
}

/* ---- S-mode handler (delegated interrupts) ---- */
__attribute__((interrupt("supervisor"), aligned(4))) void s_handler(void)
{
    uint32_t c = csr_read(scause);
    log_add('S', c, csr_read(sepc), (csr_read(sstatus) >> 8) & 1);
    if (c == 0x80000001u)
        csr_clear(sip, MIP_SSIP);
    else if (c == 0x80000005u)
        __asm__ volatile("li t2, %0\n\tecall" :: "i"(SBI_CLEAR_STIP) : "t2", "memory");
    else {
        log_add('?', 0xdead, 0, 0);
        csr_clear(sie, 0xffffffffu);
    }
}

int main(void)
{
    pr("interrupts test\n");
    trap_hook = m_hook;
    pmp_allow_all();
    timer_off();
    csr_write(mie, 0);
    csr_clear(mstatus, MSTATUS_MIE);

    /* msip: only bit 0 is writable */
    REG32(CLINT_MSIP) = 0xffffffffu;
    pr("msip readback: %x\n", REG32(CLINT_MSIP));
    pr("mip.MSIP after msip=1: %u\n", (csr_read(mip) & MIP_MSIP) ? 1 : 0);
    REG32(CLINT_MSIP) = 0;
    pr("mip.MSIP after msip=0: %u\n", (csr_read(mip) & MIP_MSIP) ? 1 : 0);
    set_mtimecmp(0x123456789abcull);
    pr("mtimecmp readback: %x %x\n", REG32(CLINT_MTIMECMP + 4), REG32(CLINT_MTIMECMP));

    /* time: the time CSR and mtime agree and move forward */
    uint64_t t0 = mtime();
    uint32_t tcsr = csr_read(time);
    uint32_t tcsrh = csr_read(timeh);
    uint64_t t1 = mtime();
    uint64_t tc = ((uint64_t)tcsrh << 32) | tcsr;
    pr("time monotonic: %s\n", (t0 <= tc && tc <= t1) ? "yes" : "no");

    /* 1. timer with WFI, interrupts globally disabled: WFI returns once MTIP is pending */
    csr_write(mie, MIP_MTIP);
    /* 100 ms at 10 MHz: QEMU's clock is the host's; the margin keeps a busy host from making the
     * timer fire before the code gets to the point under test. WFI makes it free on Translucent. */
    uint64_t deadline = mtime() + 1000000;
    set_mtimecmp(deadline);
    pr("wfi/MIE=0: MTIP before: %u\n", (csr_read(mip) & MIP_MTIP) ? 1 : 0);
    uint32_t spins = 0;
    while (!(csr_read(mip) & MIP_MTIP)) {
        __asm__ volatile("wfi");
        spins++;
    }
    pr("wfi/MIE=0: MTIP after: 1, time reached: %s, traps: %u\n", mtime() >= deadline ? "yes" : "no", nlog);
    timer_off();
    pr("MTIP after mtimecmp=max: %u\n", (csr_read(mip) & MIP_MTIP) ? 1 : 0);

    /* 2. timer interrupt taken while waiting in WFI: mepc = the instruction after WFI */
    set_mtimecmp(mtime() + 1000000);
    csr_set(mstatus, MSTATUS_MIE);
    __asm__ volatile(".globl wfi_site\nwfi_site: wfi\n\tnop" ::: "memory");
    while (nlog == 0)   /* never loops, unless the timer fired before the wfi */
        __asm__ volatile("wfi");
    csr_clear(mstatus, MSTATUS_MIE);
    print_log("timer interrupt in wfi", (uintptr_t)wfi_site);

    /* 3. software interrupt, pending before MIE is set: taken right after the csrs */
    csr_write(mie, MIP_MSIP);
    REG32(CLINT_MSIP) = 1;
    pr("pending, MIE=0: traps %u\n", nlog);
    __asm__ volatile("csrsi mstatus, 8\n.globl after_msie\nafter_msie: nop\n\tcsrci mstatus, 8" ::: "memory");
    print_log("msip", (uintptr_t)after_msie);

    /* 4. pending but not enabled in mie: nothing happens */
    csr_write(mie, 0);
    REG32(CLINT_MSIP) = 1;
    csr_set(mstatus, MSTATUS_MIE);
    __asm__ volatile("nop\n\tnop" ::: "memory");
    csr_clear(mstatus, MSTATUS_MIE);
    REG32(CLINT_MSIP) = 0;
    print_log("msip with mie.MSIE=0", 0);

    /* 5. an asynchronous interrupt must stop code that loops without end: a loop polling memory,
     * then a jump to itself (the handler resumes after it). 2 ms: these loops do not WFI, so on
     * Translucent the time passes at 100 instructions per tick. Where exactly the interrupt hits
     * is not printed. */
    csr_write(mie, MIP_MTIP);
    set_mtimecmp(mtime() + 20000);
    csr_set(mstatus, MSTATUS_MIE);
    while (nlog == 0)
        ;
    csr_clear(mstatus, MSTATUS_MIE);
    print_log("timer ends a polling loop", 0);
    set_mtimecmp(mtime() + 20000);
    escape_to = (uint32_t)spin_escape;
    csr_set(mstatus, MSTATUS_MIE);
    __asm__ volatile(".globl spin_forever, spin_escape\nspin_forever: j spin_forever\nspin_escape:" ::: "memory");
    csr_clear(mstatus, MSTATUS_MIE);
    print_log("timer ends 'j .'", 0);
    csr_write(mie, 0);

    /* 6. delegation: SSI and STI go to S-mode */
    csr_write(stvec, (uint32_t)s_handler);
    csr_write(mideleg, MIP_SSIP | MIP_STIP);
    pr("mideleg: %x\n", csr_read(mideleg) & 0x222);
    csr_write(mie, MIP_SSIP | MIP_STIP);
    pr("sie (view of mie): %x\n", csr_read(sie) & 0xaaa);
    /* a delegated interrupt is never taken in M-mode, even with MIE=1 */
    csr_set(mip, MIP_SSIP);
    csr_set(mstatus, MSTATUS_MIE);
    __asm__ volatile("nop\n\tnop" ::: "memory");
    csr_clear(mstatus, MSTATUS_MIE);
    print_log("delegated SSI while in M", 0);
    pr("sip: %x\n", csr_read(sip) & 0xaaa);
    /* in S-mode, taken when sstatus.SIE is set: S handler, sepc = after the csrs */
    csr_clear(mstatus, MSTATUS_SIE);
    uint32_t r = enter_mode(PRV_S, (uintptr_t)s_func_sie, 0);
    pr("S function returned %x\n", r);
    print_log("SSI in S after SIE=1", (uintptr_t)after_sie);
    /* STI: the S handler asks M (ecall) to clear STIP */
    csr_set(mip, MIP_STIP);
    r = enter_mode(PRV_S, (uintptr_t)s_func_sie, 0);
    print_log("STI in S after SIE=1", (uintptr_t)after_sie);
    pr("mip.STIP: %u\n", (csr_read(mip) & MIP_STIP) ? 1 : 0);
    /* in U-mode, S-level interrupts are taken whatever SIE says */
    csr_clear(mstatus, MSTATUS_SIE);
    csr_set(mip, MIP_SSIP);
    enter_mode(PRV_U, (uintptr_t)s_entry_u, 0);
    print_log("SSI in U with SIE=0", (uintptr_t)s_entry_u);
    /* a machine interrupt while in S with mstatus.MIE=0 is taken (higher privilege) */
    csr_write(mie, MIP_MSIP);
    REG32(CLINT_MSIP) = 1;
    enter_mode(PRV_S, (uintptr_t)s_entry_u, 0);
    print_log("MSI while in S, MIE=0", (uintptr_t)s_entry_u);
    /* a delegated interrupt while in S with SIE=0 waits */
    csr_write(mie, MIP_SSIP);
    csr_set(mip, MIP_SSIP);
    enter_mode(PRV_S, (uintptr_t)s_entry_u, 0);
    print_log("SSI in S with SIE=0", (uintptr_t)s_entry_u);
    csr_clear(mip, MIP_SSIP);
    csr_write(mideleg, 0);

    /* 7. vectored mtvec: interrupts go to base + 4 * code, exceptions to base */
    csr_write(mtvec, (uint32_t)vec_table | 1);
    pr("mtvec mode: %u\n", csr_read(mtvec) & 3);
    csr_write(mie, MIP_MSIP | MIP_MTIP);
    REG32(CLINT_MSIP) = 1;
    csr_set(mstatus, MSTATUS_MIE);
    __asm__ volatile("nop" ::: "memory");
    csr_clear(mstatus, MSTATUS_MIE);
    set_mtimecmp(mtime() + 20000);
    while (!(csr_read(mip) & MIP_MTIP))
        __asm__ volatile("wfi");
    csr_set(mstatus, MSTATUS_MIE);
    __asm__ volatile("nop" ::: "memory");
    csr_clear(mstatus, MSTATUS_MIE);
    trap_reset();
    __asm__ volatile("ecall" ::: "memory");
    pr("vectored: entry3=%u entry7=%u base=%u, ecall cause=%u\n", vec_hit3 ? 1 : 0, vec_hit7 ? 1 : 0,
       vec_hit0 ? 1 : 0, last_trap.cause);
    print_log("vectored", 0);
    csr_write(mtvec, (uint32_t)trap_entry);
    csr_write(mie, 0);
    return 0;
}
