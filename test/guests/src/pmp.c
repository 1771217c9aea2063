/*
 * Physical memory protection: NAPOT, NA4 and TOR regions that deny or restrict S/U accesses
 * (load 5, store 7, fetch 1 access faults with mtval = the address), entry priority (lowest number
 * wins), M-mode unaffected by unlocked entries, MPRV making M-mode loads checked as S, and a locked
 * entry that also binds M-mode and ignores later writes. Built without C.
 */
#include "runtime.h"

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_TOR 0x08
#define PMP_NA4 0x10
#define PMP_NAPOT 0x18
#define PMP_L 0x80

static uint8_t area[4][4096] __attribute__((aligned(16384)));

extern char p_lw[], p_sw[], p_call[], p_code[], p_code_end[];

static void fetch_hook(struct trap_frame *f)
{
    if (f->mcause == 1 && ((f->mstatus >> 11) & 3) != PRV_M) {
        last_trap.cause = f->mcause;
        last_trap.tval = f->mtval;
        last_trap.epc = f->mepc;
        last_trap.mpp = (f->mstatus >> 11) & 3;
        last_trap.count++;
        leave_to_m(0xfe7c4);
    }
    trap_record(f);
}

static uint32_t base(int i) { return (uint32_t)area[i]; }

static void run(const char *name, uint32_t mode, char *stub, uint32_t arg)
{
    trap_reset();
    uint32_t r;
    if (mode == PRV_M)
        r = ((uint32_t(*)(uint32_t))stub)(arg);
    else
        r = enter_mode(mode, (uintptr_t)stub, arg);
    if (last_trap.count == 0)
        pr("%s: ok -> %08x\n", name, r);
    else
        pr("%s: cause=%u n=%u tval=%s epc=%s\n", name, last_trap.cause, last_trap.count,
           last_trap.tval == arg ? "addr" : "other", last_trap.epc == (uint32_t)stub ? "stub" :
           last_trap.epc == arg ? "target" : "other");
}

static uint32_t napot(uint32_t addr, uint32_t size) { return (addr >> 2) | ((size >> 3) - 1); }

int main(void)
{
    pr("pmp test\n");
    trap_hook = fetch_hook;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4096; j += 4)
            *(uint32_t *)&area[i][j] = 0xa0000000u + i * 0x10000 + j;
    for (int i = 1; i < 4; i++) {
        memcpy(area[i] + 0x800, p_code, p_code_end - p_code);
    }
    __asm__ volatile("fence.i" ::: "memory");

    /* entry 0: area[0] no access; entry 1: area[1] R only; entry 2: NA4 at area[2]+0x100, no access;
     * entry 3: everything RWX */
    csr_write(pmpaddr0, napot(base(0), 4096));
    csr_write(pmpaddr1, napot(base(1), 4096));
    csr_write(pmpaddr2, (base(2) + 0x100) >> 2);
    csr_write(pmpaddr3, 0xffffffffu);
    uint32_t cfg = (PMP_NAPOT) | (PMP_NAPOT | PMP_R) << 8 | (PMP_NA4) << 16 |
                   (PMP_NAPOT | PMP_R | PMP_W | PMP_X) << 24;
    csr_write(pmpcfg0, cfg);
    pr("pmpcfg0=%08x readback %s, pmpaddr0 readback %s\n", cfg, csr_read(pmpcfg0) == cfg ? "same" : "differs",
       csr_read(pmpaddr0) == napot(base(0), 4096) ? "same" : "differs");

    pr("-- S/U against entry 0 (no access)\n");
    run("S lw", PRV_S, p_lw, base(0) + 0x10);
    run("S sw", PRV_S, p_sw, base(0) + 0x20);
    run("U lw", PRV_U, p_lw, base(0) + 0xffc);
    run("S call", PRV_S, p_call, base(0) + 0x800);
    run("M lw (not locked)", PRV_M, p_lw, base(0) + 0x10);
    run("M sw (not locked)", PRV_M, p_sw, base(0) + 0x20);
    pr("-- entry 1 (R only)\n");
    run("S lw", PRV_S, p_lw, base(1) + 0x10);
    run("S sw", PRV_S, p_sw, base(1) + 0x10);
    run("S call", PRV_S, p_call, base(1) + 0x800);
    pr("-- entry 2 (NA4, no access)\n");
    run("S lw inside", PRV_S, p_lw, base(2) + 0x100);
    run("S lw next word", PRV_S, p_lw, base(2) + 0x104);
    run("S lw previous word", PRV_S, p_lw, base(2) + 0xfc);
    pr("-- entry 3 (RWX, everything else)\n");
    run("S lw area3", PRV_S, p_lw, base(3) + 0x40);
    run("S call area3", PRV_S, p_call, base(3) + 0x800);

    pr("-- priority: entry 0 NAPOT 16 KiB RWX now covers area[0..3]\n");
    csr_write(pmpaddr0, napot(base(0), 16384));
    csr_write(pmpcfg0, (cfg & ~0xffu) | PMP_NAPOT | PMP_R | PMP_W | PMP_X);
    run("S lw area1 (entry 0 wins over R-only entry 1)", PRV_S, p_lw, base(1) + 0x10);
    run("S sw area1", PRV_S, p_sw, base(1) + 0x14);
    run("S lw area2 NA4 word", PRV_S, p_lw, base(2) + 0x100);

    pr("-- TOR: entry 1 = [area1, area2) no access, entry 0 off\n");
    csr_write(pmpaddr0, base(1) >> 2);
    csr_write(pmpaddr1, base(2) >> 2);
    csr_write(pmpcfg0, (cfg & ~0xffffu) | (PMP_TOR << 8));
    run("S lw area1 start", PRV_S, p_lw, base(1));
    run("S lw area1 end", PRV_S, p_lw, base(1) + 0xffc);
    run("S lw area0 end (below)", PRV_S, p_lw, base(0) + 0xffc);
    run("S lw area2 start (above)", PRV_S, p_lw, base(2) + 0x200);

    pr("-- MPRV: M-mode loads checked as S\n");
    csr_clear(mstatus, MSTATUS_MPP);
    csr_set(mstatus, 1u << 11);
    trap_reset();
    uint32_t v = 0x1111;
    __asm__ volatile("csrs mstatus, %1\n\tlw %0, 0(%2)\n\tcsrc mstatus, %1"
                     : "+r"(v) : "r"(MSTATUS_MPRV), "r"(base(1) + 8) : "memory");
    pr("MPRV lw area1: cause=%u value kept=%08x\n", last_trap.cause, v);

    pr("-- locked entry 0: area[0] no access for M too\n");
    csr_write(pmpaddr0, napot(base(0), 4096));
    csr_write(pmpcfg0, (cfg & ~0xffffu) | ((PMP_NAPOT | PMP_L) & 0xff) | ((PMP_NAPOT | PMP_R | PMP_W) << 8));
    csr_write(pmpaddr1, napot(base(1), 4096));
    run("M lw area0", PRV_M, p_lw, base(0) + 0x10);
    run("M sw area0", PRV_M, p_sw, base(0) + 0x10);
    run("M lw area1", PRV_M, p_lw, base(1) + 0x10);
    uint32_t before = csr_read(pmpcfg0);
    csr_write(pmpaddr0, napot(base(3), 4096));
    csr_write(pmpcfg0, before & ~0xffu);
    pr("locked: pmpaddr0 unchanged %s, cfg byte 0 %02x\n",
       csr_read(pmpaddr0) == napot(base(0), 4096) ? "yes" : "no", csr_read(pmpcfg0) & 0xff);
    run("M lw area0 after write attempts", PRV_M, p_lw, base(0) + 0x10);
    return 0;
}

__asm__(
    ".text\n"
    ".globl p_lw, p_sw, p_call, p_code, p_code_end\n.balign 4\n"
    "p_lw: lw a0, 0(a0)\n"
    "  ret\n"
    "p_sw: li t0, 0x5a5a0000\n"
    "  sw t0, 0(a0)\n"
    "  li a0, 1\n"
    "  ret\n"
    "p_call: addi sp, sp, -16\n"
    "  sw ra, 12(sp)\n"
    "  jalr a0\n"
    "  lw ra, 12(sp)\n"
    "  addi sp, sp, 16\n"
    "  ret\n"
    "p_code: li a0, 0x600d\n"
    "  ret\n"
    "p_code_end:\n");
