/*
 * RV32C: every compressed form (rvc-ops.S), reserved encodings (illegal instruction, mtval = the
 * 16-bit encoding), c.ebreak, and a 32-bit instruction straddling a page boundary. Built with C.
 */
#include "runtime.h"

uint32_t rvc_run(uint32_t *out);
uint32_t rvc_straddle(void);
extern char rvc_ebreak_site[], rvc_illegal0[], rvc_illegal_lwsp0[], rvc_illegal_jr0[],
    rvc_illegal_addi16sp0[], rvc_illegal_lui0[];

static const char *const NAMES[] = {
    "c.addi4spn 4", "c.addi4spn 1020", "c.li -32", "c.li 31", "c.addi -32", "c.addi 31",
    "c.lui 1", "c.lui 31", "c.lui 0xfffe0", "c.lui 0xfffff", "c.addi16sp -512", "c.addi16sp back",
    "c.srli 1", "c.srli 31", "c.srai 4", "c.srai 31", "c.andi -16", "c.andi 31", "c.andi 0",
    "c.slli 1", "c.slli 31", "c.sub", "c.xor", "c.or", "c.and", "c.add", "c.mv+c.add",
    "c.lw 0", "c.lw 124", "lw 124", "c.lwsp 0", "c.lwsp 252", "c.j", "c.beqz/c.bnez", "c.bnez loop",
    "c.jal link", "c.jr", "c.jalr link", "c.nop/hints", "after c.ebreak", "mixed 16/32",
};

static uint32_t results[64];

static void hook(struct trap_frame *f)
{
    trap_record(f);   /* records; skips the 2-byte instruction */
}

static void illegal(const char *name, char *fn)
{
    trap_reset();
    ((void (*)(void))fn)();
    report_trap(name, (uintptr_t)fn);
}

int main(void)
{
    pr("rvc test\n");
    trap_hook = hook;
    trap_reset();
    uint32_t n = rvc_run(results);
    pr("results: %u\n", n);
    for (uint32_t i = 0; i < n; i++)
        pr("%s = %08x\n", i < sizeof NAMES / sizeof NAMES[0] ? NAMES[i] : "?", results[i]);
    pr("c.ebreak: cause=%u tval=%08x at site: %s\n", last_trap.cause, last_trap.tval,
       last_trap.epc == (uint32_t)rvc_ebreak_site ? "yes" : "no");
    illegal("c.illegal 0x0000", rvc_illegal0);
    illegal("c.lwsp x0", rvc_illegal_lwsp0);
    illegal("c.jr x0", rvc_illegal_jr0);
    illegal("c.addi16sp 0", rvc_illegal_addi16sp0);
    illegal("c.lui 0", rvc_illegal_lui0);
    pr("straddle = %08x\n", rvc_straddle());
    return 0;
}
