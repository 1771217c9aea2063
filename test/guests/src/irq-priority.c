/*
 * Several interrupts pending at once: the order in which they are taken. Sets of {MEI (UART THRE via
 * the PLIC), MSI, MTI, SSI, STI} are made pending with interrupts disabled, then MIE is set; the
 * handler logs each cause and clears its source.
 *
 * NOTE: QEMU 7.2 (without AIA) takes the lowest-numbered pending interrupt first (SSI 1, MSI 3,
 * STI 5, MTI 7, SEI 9, MEI 11) instead of the privileged spec's order (MEI, MSI, MTI, SEI, SSI, STI).
 * The expected output records what QEMU does. Interrupts for a higher privilege level still come
 * before those of a lower one (last case). Built without C.
 */
#include "runtime.h"

#define PLIC_PRIO(n)       (PLIC_BASE + 4u * (n))
#define PLIC_ENABLE(ctx)   (PLIC_BASE + 0x2000u + 0x80u * (ctx))
#define PLIC_THRESH(ctx)   (PLIC_BASE + 0x200000u + 0x1000u * (ctx))
#define PLIC_CLAIM(ctx)    (PLIC_BASE + 0x200004u + 0x1000u * (ctx))
#define UART_IER (UART_BASE + 1)

static void set_mtimecmp(uint64_t v)
{
    REG32(CLINT_MTIMECMP + 4) = 0xffffffffu;
    REG32(CLINT_MTIMECMP) = (uint32_t)v;
    REG32(CLINT_MTIMECMP + 4) = (uint32_t)(v >> 32);
}

static volatile uint32_t order[16], n;
static volatile char who[16];

static void clear_source(uint32_t code)
{
    switch (code) {
    case 1: csr_clear(mip, MIP_SSIP); break;
    case 3: REG32(CLINT_MSIP) = 0; break;
    case 5: csr_clear(mip, MIP_STIP); break;
    case 7: set_mtimecmp(~0ull); break;
    case 11: {
        uint32_t c = REG32(PLIC_CLAIM(0));
        REG8(UART_IER) = 0;
        REG32(PLIC_CLAIM(0)) = c;
        break;
    }
    default: exit(97);
    }
}

#define SBI_CLEAR_STIP 0x5b1
static void m_hook(struct trap_frame *f)
{
    uint32_t c = f->mcause;
    if (c & 0x80000000u) {
        if (n < 16) {
            who[n] = 'M';
            order[n] = c & 0xff;
        }
        n++;
        clear_source(c & 0xff);
        return;
    }
    if (c == 9 && f->x[7] == SBI_CLEAR_STIP) {
        csr_clear(mip, MIP_STIP);
        f->mepc += 4;
        return;
    }
    trap_record(f);
}

__attribute__((interrupt("supervisor"), aligned(4))) void s_handler(void)
{
    uint32_t c = csr_read(scause);
    if (n < 16) {
        who[n] = 'S';
        order[n] = c & 0xff;
    }
    n++;
    if (c == 0x80000001u)
        csr_clear(sip, MIP_SSIP);
    else if (c == 0x80000005u)
        __asm__ volatile("li t2, %0\n\tecall" :: "i"(SBI_CLEAR_STIP) : "t2", "memory");
}

static const char *name(uint32_t code)
{
    switch (code) {
    case 1: return "SSI";
    case 3: return "MSI";
    case 5: return "STI";
    case 7: return "MTI";
    case 9: return "SEI";
    case 11: return "MEI";
    default: return "???";
    }
}

/* Makes the interrupts in `bits` (mip bit numbers) pending, then enables them all in M-mode. */
static void run(const char *title, uint32_t bits)
{
    n = 0;
    csr_write(mie, bits);
    if (bits & MIP_MSIP) REG32(CLINT_MSIP) = 1;
    if (bits & MIP_MTIP) set_mtimecmp(0);
    if (bits & MIP_SSIP) csr_set(mip, MIP_SSIP);
    if (bits & MIP_STIP) csr_set(mip, MIP_STIP);
    if (bits & MIP_MEIP) REG8(UART_IER) = 0x02;
    while ((csr_read(mip) & bits) != bits)
        __asm__ volatile("wfi");
    csr_set(mstatus, MSTATUS_MIE);
    __asm__ volatile("nop" ::: "memory");
    csr_clear(mstatus, MSTATUS_MIE);
    pr("%s:", title);
    for (uint32_t i = 0; i < n && i < 16; i++)
        pr(" %c:%s", who[i], name(order[i]));
    pr("\n");
    csr_write(mie, 0);
}

extern char s_enable_sie[];

int main(void)
{
    pr("irq-priority test\n");
    trap_hook = m_hook;
    pmp_allow_all();
    set_mtimecmp(~0ull);
    csr_write(mie, 0);
    /* UART THRE interrupt through the PLIC, machine context of hart 0 */
    REG32(PLIC_PRIO(UART_IRQ)) = 1;
    REG32(PLIC_ENABLE(0)) = 1u << UART_IRQ;
    REG32(PLIC_THRESH(0)) = 0;

    run("MSI+MTI", MIP_MSIP | MIP_MTIP);
    run("SSI+STI", MIP_SSIP | MIP_STIP);
    run("MTI+SSI", MIP_MTIP | MIP_SSIP);
    run("MEI+MSI", MIP_MEIP | MIP_MSIP);
    run("all five", MIP_MEIP | MIP_MSIP | MIP_MTIP | MIP_SSIP | MIP_STIP);

    /* SSI/STI delegated, MTI not: in S-mode with SIE=1 the M-level interrupt comes first */
    n = 0;
    csr_write(stvec, (uint32_t)s_handler);
    csr_write(mideleg, MIP_SSIP | MIP_STIP);
    csr_write(mie, MIP_MTIP | MIP_SSIP | MIP_STIP);
    csr_set(mip, MIP_SSIP | MIP_STIP);
    set_mtimecmp(0);
    while (!(csr_read(mip) & MIP_MTIP))
        __asm__ volatile("wfi");
    enter_mode(PRV_S, (uintptr_t)s_enable_sie, 0);
    pr("S-mode, MTI + delegated SSI/STI:");
    for (uint32_t i = 0; i < n && i < 16; i++)
        pr(" %c:%s", who[i], name(order[i]));
    pr("\n");
    csr_write(mie, 0);
    csr_write(mideleg, 0);
    return 0;
}

/* S-mode: interrupts for M are taken at once (MIE does not matter below M); delegated ones once
 * SIE is set. */
__asm__(".text\n.globl s_enable_sie\n.balign 4\n"
        "s_enable_sie: nop\n"
        "  csrsi sstatus, 2\n"
        "  nop\n"
        "  csrci sstatus, 2\n"
        "  ret\n");
