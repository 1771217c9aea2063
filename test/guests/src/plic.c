/*
 * External interrupts: the NS16550A's THR-empty interrupt (IER bit 1) through the PLIC (source 10 on
 * virt): priority and threshold masking, pending bits, enable per context, claim/complete, the
 * machine-mode context (MEIP) and the supervisor context (SEIP, delegated to S-mode). The UART's
 * IIR is read in the handler. Built without C.
 */
#include "runtime.h"

#define PLIC_PRIO(n)       (PLIC_BASE + 4u * (n))
#define PLIC_PENDING       (PLIC_BASE + 0x1000u)
#define PLIC_ENABLE(ctx)   (PLIC_BASE + 0x2000u + 0x80u * (ctx))
#define PLIC_THRESH(ctx)   (PLIC_BASE + 0x200000u + 0x1000u * (ctx))
#define PLIC_CLAIM(ctx)    (PLIC_BASE + 0x200004u + 0x1000u * (ctx))
#define CTX_M 0
#define CTX_S 1

#define UART_IER (UART_BASE + 1)
#define UART_IIR (UART_BASE + 2)

static volatile uint32_t got_cause, got_claim, got_iir, got_prev, got_epc, ntraps;
extern char after_mie[];

static void m_hook(struct trap_frame *f)
{
    if (f->mcause == 0x8000000bu) {
        ntraps++;
        got_cause = f->mcause;
        got_prev = (f->mstatus >> 11) & 3;
        got_epc = f->mepc;
        got_claim = REG32(PLIC_CLAIM(CTX_M));
        got_iir = REG8(UART_IIR);
        REG8(UART_IER) = 0;                 /* the UART stops asking */
        REG32(PLIC_CLAIM(CTX_M)) = got_claim; /* complete */
        return;
    }
    trap_record(f);
}

__attribute__((interrupt("supervisor"), aligned(4))) void s_handler(void)
{
    ntraps++;
    got_cause = csr_read(scause);
    got_prev = (csr_read(sstatus) >> 8) & 1;
    got_epc = csr_read(sepc);
    got_claim = REG32(PLIC_CLAIM(CTX_S));
    got_iir = REG8(UART_IIR);
    REG8(UART_IER) = 0;
    REG32(PLIC_CLAIM(CTX_S)) = got_claim;
}

extern char s_wait_sie[], s_after_sie[];

static uint32_t pending10(void) { return (REG32(PLIC_PENDING) >> UART_IRQ) & 1; }
static uint32_t meip(void) { return (csr_read(mip) & MIP_MEIP) ? 1 : 0; }
static uint32_t seip(void) { return (csr_read(mip) & MIP_SEIP) ? 1 : 0; }


/* Nothing is printed while the UART's THRE interrupt is enabled: every character sent would
 * raise it again. States are recorded, then printed. */
static uint32_t st[16];
static uint32_t state(void) { return pending10() | meip() << 1 | seip() << 2; }
static void show_states(const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        pr("%s: pending=%u MEIP=%u SEIP=%u\n", names[i], st[i] & 1, (st[i] >> 1) & 1, (st[i] >> 2) & 1);
}

int main(void)
{
    pr("plic test\n");
    trap_hook = m_hook;
    pmp_allow_all();
    csr_write(mie, 0);

    pr("uart: IER=%x IIR=%x\n", REG8(UART_IER), REG8(UART_IIR));
    REG32(PLIC_PRIO(UART_IRQ)) = 0xffffffffu;
    pr("priority readback: %x\n", REG32(PLIC_PRIO(UART_IRQ)));
    REG32(PLIC_PRIO(UART_IRQ)) = 0;
    REG32(PLIC_ENABLE(CTX_M)) = 0;
    REG32(PLIC_ENABLE(CTX_S)) = 0;
    REG32(PLIC_THRESH(CTX_M)) = 0;
    REG32(PLIC_THRESH(CTX_S)) = 0;
    pr("claim with nothing pending: %u\n", REG32(PLIC_CLAIM(CTX_M)));

    /* 1. polling: priority 0, enable, threshold, claim, complete */
    static const char *const names1[] = {
        "idle", "THRE on, priority 0, disabled", "after IIR read", "enabled, priority 0",
        "priority 2, threshold 2", "priority 2, threshold 1", "after claim", "after complete",
    };
    uint32_t ier, iir, en, thr, c1, c2;
    st[0] = state();
    REG8(UART_IER) = 0x02;
    ier = REG8(UART_IER);
    st[1] = state();
    iir = REG8(UART_IIR);                   /* reading IIR clears the THRE interrupt: line low */
    st[2] = state();
    REG32(PLIC_ENABLE(CTX_M)) = 1u << UART_IRQ;
    REG32(PLIC_THRESH(CTX_M)) = 0;
    en = REG32(PLIC_ENABLE(CTX_M));
    st[3] = state();
    REG32(PLIC_PRIO(UART_IRQ)) = 2;
    REG32(PLIC_THRESH(CTX_M)) = 2;
    thr = REG32(PLIC_THRESH(CTX_M));
    st[4] = state();
    REG32(PLIC_THRESH(CTX_M)) = 1;
    st[5] = state();
    c1 = REG32(PLIC_CLAIM(CTX_M));
    c2 = REG32(PLIC_CLAIM(CTX_M));
    st[6] = state();
    REG32(PLIC_CLAIM(CTX_M)) = c1;
    st[7] = state();
    REG8(UART_IER) = 0;
    pr("IER=%x IIR=%x enable=%x threshold=%u claim=%u second claim=%u\n", ier, iir, en, thr, c1, c2);
    show_states(names1, 8);

    /* 2. a machine external interrupt: the handler claims, reads IIR, disables THRE, completes.
     * The interrupt is made pending with MIE=0 (WFI waits for it), then MIE=1 takes it at once. */
    REG32(PLIC_THRESH(CTX_M)) = 0;
    csr_write(mie, MIP_MEIP);
    REG8(UART_IER) = 0x02;                  /* THR is empty: the UART asks at once */
    __asm__ volatile("wfi" ::: "memory");
    __asm__ volatile("csrsi mstatus, 8\n.globl after_mie\nafter_mie: nop\n\tcsrci mstatus, 8" ::: "memory");
    st[0] = state();
    csr_write(mie, 0);
    pr("M external: traps=%u cause=%08x claim=%u iir=%x prev=%u epc=+%x\n", ntraps, got_cause, got_claim,
       got_iir, got_prev, got_epc - (uint32_t)after_mie);
    static const char *const names2[] = {"after M handler"};
    show_states(names2, 1);
    ntraps = 0;

    /* 3. the supervisor context: SEIP, delegated to S-mode. After each enable change the threshold
     * is written again (QEMU 7.2 re-evaluates its outputs on threshold writes, not enable writes). */
    static const char *const names3[] = {"THRE on, M context disabled", "S context enabled", "after S handler"};
    uint32_t sip, sie;
    REG32(PLIC_ENABLE(CTX_M)) = 0;
    REG32(PLIC_THRESH(CTX_M)) = 0;
    csr_write(stvec, (uint32_t)s_handler);
    csr_write(mideleg, MIP_SEIP);
    csr_write(mie, MIP_SEIP);
    REG8(UART_IER) = 0x02;
    st[0] = state();
    REG32(PLIC_ENABLE(CTX_S)) = 1u << UART_IRQ;
    REG32(PLIC_THRESH(CTX_S)) = 0;
    st[1] = state();
    sip = csr_read(sip) & 0xaaa;
    sie = csr_read(sie) & 0xaaa;
    uint32_t r = enter_mode(PRV_S, (uintptr_t)s_wait_sie, 0);
    st[2] = state();
    pr("sip=%x sie=%x\n", sip, sie);
    pr("S external: traps=%u scause=%08x claim=%u iir=%x spp=%u epc=+%x, S returned %x\n", ntraps, got_cause,
       got_claim, got_iir, got_prev, got_epc - (uint32_t)s_after_sie, r);
    show_states(names3, 3);
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    REG32(PLIC_ENABLE(CTX_S)) = 0;
    return 0;
}

__asm__(".text\n.globl s_wait_sie, s_after_sie\n.balign 4\n"
        "s_wait_sie: csrsi sstatus, 2\n"
        "s_after_sie: nop\n"
        "  csrci sstatus, 2\n"
        "  li a0, 0x66\n"
        "  ret\n");
