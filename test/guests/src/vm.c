/*
 * Sv32 virtual memory: page tables built in M-mode, S/U code run with satp set. 4 KiB pages and a
 * 4 MiB superpage, A/D bits as the hardware sets them (printed from the PTEs after each access),
 * permissions (R/W/X/U), SUM, MXR, MPRV, the reserved W-without-R encoding, a misaligned
 * superpage, non-leaf PTE at level 0, invalid PTEs, a 32-bit instruction straddling into an
 * unmapped page, and page faults of each kind (fetch 12, load 13, store 15) with stval/mtval.
 * All traps go to M (no delegation). Built without C.
 */
#include "runtime.h"

#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)

static uint32_t root[1024] __attribute__((aligned(4096)));
static uint32_t l0[1024] __attribute__((aligned(4096)));
static uint32_t root2[1024] __attribute__((aligned(4096)));
static uint32_t l0b[1024] __attribute__((aligned(4096)));
#define NPAGES 14
static uint8_t pages[NPAGES][4096] __attribute__((aligned(4096)));

#define VBASE 0x40000000u            /* the 4 KiB test pages: VBASE + i * 4096 */
#define VSUPER 0x40400000u           /* a 4 MiB superpage -> PSUPER */
#define PSUPER 0x80400000u
#define VMISALIGNED 0x40800000u      /* a level-1 leaf whose PPN[0] is not zero */
#define VCODE_ALIAS 0x40c00000u      /* level-1 leaf, U, RWX -> the program's 4 MiB at 0x80000000 */

static uint32_t pte_leaf(uint32_t pa, uint32_t flags) { return ((pa >> 12) << 10) | flags | PTE_V; }
static uint32_t *pte_of(int page) { return &l0[page]; }
static void set_page(int page, uint32_t flags)
{
    l0[page] = flags ? pte_leaf((uint32_t)pages[page], flags) : 0;
    __asm__ volatile("sfence.vma" ::: "memory");
}

static void flags_str(uint32_t pte)
{
    static const char L[] = "VRWXUGAD";
    for (int i = 7; i >= 0; i--)
        uart_putc((pte >> i) & 1 ? L[i] : '-');
}

uint32_t patch_word;
extern char vm_patch[];
extern char vm_lw[], vm_lbu[], vm_sw[], vm_call[], vm_fetch_code[], vm_fetch_code_end[], u_lw[],
    u_lw_end[], straddle_code[], straddle_code_end[];

/* Fetch faults abandon the excursion (the return address may not be executable in that mode). */
static void vm_hook(struct trap_frame *f)
{
    if (f->mcause == 12 || f->mcause == 1) {
        last_trap.cause = f->mcause;
        last_trap.tval = f->mtval;
        last_trap.epc = f->mepc;
        last_trap.mpp = (f->mstatus >> 11) & 3;
        last_trap.count++;
        leave_to_m(0xfe7c4);
    }
    trap_record(f);
}

/* Runs stub(arg) in `mode` with translation on; prints the result or the trap. */
static uint32_t run(const char *name, uint32_t mode, char *stub, uint32_t arg)
{
    trap_reset();
    uint32_t r = enter_mode(mode, (uintptr_t)stub, arg);
    if (last_trap.count == 0)
        pr("%s: ok -> %08x\n", name, r);
    else
        pr("%s: cause=%u tval=%08x epc=%s\n", name, last_trap.cause, last_trap.tval,
           last_trap.epc == (uint32_t)stub ? "stub" : last_trap.epc == arg ? "target" : "other");
    return r;
}

static void show_pte(const char *what, int page)
{
    pr("  pte[%d] %s: ", page, what);
    flags_str(*pte_of(page));
    pr("\n");
}

int main(void)
{
    pr("vm test\n");
    trap_hook = vm_hook;
    pmp_allow_all();

    /* root: the program's megapage (identity, S only), the test table, superpages */
    root[0x80000000u >> 22] = pte_leaf(0x80000000u, PTE_R | PTE_W | PTE_X | PTE_A | PTE_D);
    root[VBASE >> 22] = (((uint32_t)l0 >> 12) << 10) | PTE_V;
    root[VSUPER >> 22] = pte_leaf(PSUPER, PTE_R | PTE_W);
    root[VMISALIGNED >> 22] = pte_leaf(PSUPER + 0x1000, PTE_R | PTE_W | PTE_A | PTE_D);
    root[VCODE_ALIAS >> 22] = pte_leaf(0x80000000u, PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D);
    for (int i = 0; i < NPAGES; i++)
        for (int j = 0; j < 4096; j += 4)
            *(uint32_t *)&pages[i][j] = 0x01000000u * i + j;
    *(volatile uint32_t *)(PSUPER + 0x1234) = 0x5e5e1234;

    uint32_t satp = (1u << 31) | ((uint32_t)root >> 12);
    csr_write(satp, satp);
    __asm__ volatile("sfence.vma" ::: "memory");
    pr("satp mode: %u, ppn matches: %s\n", csr_read(satp) >> 31,
       (csr_read(satp) & 0x3fffff) == ((uint32_t)root >> 12) ? "yes" : "no");

    pr("-- A/D bits\n");
    set_page(0, PTE_R | PTE_W);                       /* A=0 D=0 */
    show_pte("before", 0);
    run("S load page0", PRV_S, vm_lw, VBASE + 8);
    show_pte("after load", 0);
    run("S store page0", PRV_S, vm_sw, VBASE + 8);
    show_pte("after store", 0);
    pr("  stored value seen physically: %08x\n", *(volatile uint32_t *)&pages[0][8]);
    set_page(8, PTE_R | PTE_W | PTE_A);               /* A=1 D=0 */
    run("S store page8 (A=1 D=0)", PRV_S, vm_sw, VBASE + 8 * 4096 + 4);
    show_pte("after store", 8);
    set_page(1, PTE_R);
    run("S store page1 (R only)", PRV_S, vm_sw, VBASE + 4096 + 12);
    show_pte("after faulting store", 1);
    run("S load page1", PRV_S, vm_lw, VBASE + 4096 + 12);
    show_pte("after load", 1);

    pr("-- fetch\n");
    memcpy(pages[5], vm_fetch_code, vm_fetch_code_end - vm_fetch_code);
    __asm__ volatile("fence.i" ::: "memory");
    set_page(5, PTE_R | PTE_X);
    run("S call page5 (RX)", PRV_S, vm_call, VBASE + 5 * 4096);
    show_pte("after fetch", 5);
    set_page(0, PTE_R | PTE_W | PTE_A | PTE_D);
    run("S call page0 (RW, no X)", PRV_S, vm_call, VBASE);
    run("S call page4 (invalid)", PRV_S, vm_call, VBASE + 4 * 4096);
    /* a 32-bit instruction at the end of page 9 that continues into unmapped page 10 */
    memcpy(&pages[9][4096 - 8], straddle_code, straddle_code_end - straddle_code);   /* 2 bytes spill into page 10's frame */
    __asm__ volatile("fence.i" ::: "memory");
    set_page(9, PTE_R | PTE_X);
    set_page(10, 0);
    run("S call straddling into page10", PRV_S, vm_call, VBASE + 10 * 4096 - 8);
    pr("  epc offset from call target: %x\n", last_trap.epc - (VBASE + 10 * 4096 - 8));
    set_page(10, PTE_R | PTE_X);
    *(volatile uint16_t *)&pages[10][2] = 0x8082;     /* c.ret, after the straddling lui */
    __asm__ volatile("fence.i" ::: "memory");
    run("S call straddling, page10 mapped", PRV_S, vm_call, VBASE + 10 * 4096 - 8);

    pr("-- permissions\n");
    set_page(2, PTE_X);                               /* execute-only */
    run("S load X-only, MXR=0", PRV_S, vm_lw, VBASE + 2 * 4096);
    csr_set(mstatus, MSTATUS_MXR);
    run("S load X-only, MXR=1", PRV_S, vm_lw, VBASE + 2 * 4096);
    run("S store X-only, MXR=1", PRV_S, vm_sw, VBASE + 2 * 4096);
    csr_clear(mstatus, MSTATUS_MXR);
    show_pte("X-only after", 2);
    set_page(3, PTE_R | PTE_W | PTE_U);
    run("S load U page, SUM=0", PRV_S, vm_lw, VBASE + 3 * 4096 + 16);
    csr_set(mstatus, MSTATUS_SUM);
    run("S load U page, SUM=1", PRV_S, vm_lw, VBASE + 3 * 4096 + 16);
    run("S store U page, SUM=1", PRV_S, vm_sw, VBASE + 3 * 4096 + 16);
    show_pte("U page after", 3);
    /* S never executes from a U page, whatever SUM says */
    memcpy(pages[7], vm_fetch_code, vm_fetch_code_end - vm_fetch_code);
    __asm__ volatile("fence.i" ::: "memory");
    set_page(7, PTE_R | PTE_X | PTE_U);
    run("S call U page, SUM=1", PRV_S, vm_call, VBASE + 7 * 4096);
    csr_clear(mstatus, MSTATUS_SUM);
    set_page(6, PTE_W);                               /* W without R: reserved */
    run("S load W-only", PRV_S, vm_lw, VBASE + 6 * 4096);
    run("S store W-only", PRV_S, vm_sw, VBASE + 6 * 4096);
    set_page(11, PTE_V);                              /* non-leaf at level 0 */
    l0[11] = (((uint32_t)pages[11] >> 12) << 10) | PTE_V;
    __asm__ volatile("sfence.vma" ::: "memory");
    run("S load non-leaf at level 0", PRV_S, vm_lw, VBASE + 11 * 4096);
    run("S load page4 (invalid)", PRV_S, vm_lw, VBASE + 4 * 4096 + 0x10);
    run("S store page4 (invalid)", PRV_S, vm_sw, VBASE + 4 * 4096 + 0x20);
    run("S load unmapped 0x00001000", PRV_S, vm_lw, 0x00001000);

    pr("-- misaligned accesses across a page boundary\n");
    set_page(0, PTE_R | PTE_W | PTE_A | PTE_D);
    set_page(1, PTE_R | PTE_A);                      /* read-only */
    set_page(4, 0);                                   /* page 4 invalid; page 3 is RW + U */
    pages[0][4094] = 0xaa;
    pages[0][4095] = 0xbb;
    pages[1][0] = 0xcc;
    pages[1][1] = 0xdd;
    run("S lw page0/page1 (both readable)", PRV_S, vm_lw, VBASE + 4096 - 2);
    *(volatile uint32_t *)&pages[0][4092] = 0x11111111;
    run("S sw page0/page1 (page1 read-only)", PRV_S, vm_sw, VBASE + 4096 - 2);
    pr("  page0 last word after: %08x\n", *(volatile uint32_t *)&pages[0][4092]);
    csr_set(mstatus, MSTATUS_SUM);
    run("S lw page3/page4 (page4 invalid)", PRV_S, vm_lw, VBASE + 4 * 4096 - 1);
    csr_clear(mstatus, MSTATUS_SUM);

    pr("-- superpages\n");
    run("S load superpage", PRV_S, vm_lw, VSUPER + 0x1234);
    pr("  root pte flags: ");
    flags_str(root[VSUPER >> 22]);
    pr("\n");
    run("S store superpage", PRV_S, vm_sw, VSUPER + 0x2000);
    pr("  root pte flags: ");
    flags_str(root[VSUPER >> 22]);
    pr("\n  stored value seen physically: %08x\n", *(volatile uint32_t *)(PSUPER + 0x2000));
    run("S load misaligned superpage", PRV_S, vm_lw, VMISALIGNED + 0x10);

    pr("-- U mode\n");
    /* U code runs from the U alias of the program's megapage */
    uint32_t ulw = (uint32_t)u_lw - 0x80000000u + VCODE_ALIAS;
    set_page(3, PTE_R | PTE_W | PTE_U | PTE_A | PTE_D);
    run("U load U page", PRV_U, (char *)ulw, VBASE + 3 * 4096 + 16);
    set_page(0, PTE_R | PTE_W | PTE_A | PTE_D);
    run("U load S page", PRV_U, (char *)ulw, VBASE);
    run("U fetch S page", PRV_U, u_lw, VBASE);

    pr("-- remap + sfence.vma\n");
    run("S load page0", PRV_S, vm_lw, VBASE + 4);
    l0[0] = pte_leaf((uint32_t)pages[4], PTE_R | PTE_W | PTE_A | PTE_D);
    __asm__ volatile("sfence.vma %0" :: "r"(VBASE) : "memory");
    run("S load page0 after remap to page4's frame", PRV_S, vm_lw, VBASE + 4);

    pr("-- code remap, alias writes, satp switch\n");
    uint32_t *fa = (uint32_t *)pages[12], *fb = (uint32_t *)pages[13];
    fa[0] = (0xau << 20) | 0x513;                      /* li a0, 0xa */
    fa[1] = 0x00008067;                               /* ret */
    fb[0] = (0xbu << 20) | 0x513;
    fb[1] = 0x00008067;
    __asm__ volatile("fence.i" ::: "memory");
    uint32_t vcode = VBASE + 12 * 4096;
    l0[12] = pte_leaf((uint32_t)pages[12], PTE_R | PTE_X | PTE_A);
    __asm__ volatile("sfence.vma" ::: "memory");
    run("S call code page -> frame A", PRV_S, vm_call, vcode);
    l0[12] = pte_leaf((uint32_t)pages[13], PTE_R | PTE_X | PTE_A);
    __asm__ volatile("sfence.vma %0" :: "r"(vcode) : "memory");
    run("S call code page -> frame B", PRV_S, vm_call, vcode);
    /* frame B also mapped writable at page 13: S patches the code through that alias */
    l0[13] = pte_leaf((uint32_t)pages[13], PTE_R | PTE_W | PTE_A | PTE_D);
    __asm__ volatile("sfence.vma" ::: "memory");
    patch_word = (0xcu << 20) | 0x513;                /* li a0, 0xc */
    run("S patch frame B through its RW alias", PRV_S, vm_patch, VBASE + 13 * 4096);
    run("S call code page -> patched frame B", PRV_S, vm_call, vcode);
    /* another address space (root2) where the same VA maps frame A */
    memcpy(root2, root, sizeof root2);
    root2[VBASE >> 22] = (((uint32_t)l0b >> 12) << 10) | PTE_V;
    l0b[12] = pte_leaf((uint32_t)pages[12], PTE_R | PTE_X | PTE_A);
    csr_write(satp, (1u << 31) | ((uint32_t)root2 >> 12));
    __asm__ volatile("sfence.vma" ::: "memory");
    run("S call code page, satp -> root2", PRV_S, vm_call, vcode);
    csr_write(satp, satp);
    __asm__ volatile("sfence.vma" ::: "memory");
    run("S call code page, satp -> root", PRV_S, vm_call, vcode);

    pr("-- MPRV (M-mode loads with S translation)\n");
    csr_clear(mstatus, MSTATUS_MPP);
    csr_set(mstatus, MSTATUS_MPRV | (1u << 11));
    trap_reset();
    uint32_t v = *(volatile uint32_t *)(VBASE + 4);
    uint32_t cnt = last_trap.count;
    csr_clear(mstatus, MSTATUS_MPRV);
    pr("MPRV load: %08x traps=%u\n", v, cnt);
    trap_reset();
    v = 0x1111;
    /* the fault's mret leaves MPP = U: MPRV must be cleared before the next memory access */
    __asm__ volatile("csrs mstatus, %1\n\tlw %0, 0(%2)\n\tcsrc mstatus, %1"
                     : "+r"(v) : "r"(MSTATUS_MPRV), "r"(VBASE + 4 * 4096 + 0x10) : "memory");
    pr("MPRV load from a 0 PTE: cause=%u tval=%08x value kept=%08x\n", last_trap.cause, last_trap.tval, v);

    csr_write(satp, 0);
    __asm__ volatile("sfence.vma" ::: "memory");
    pr("satp off: %08x\n", csr_read(satp));
    return 0;
}

__asm__(
    ".text\n"
    ".globl vm_lw, vm_lbu, vm_sw, vm_call, vm_patch\n.balign 4\n"
    "vm_lw: lw a0, 0(a0)\n"
    "  ret\n"
    "vm_lbu: lbu a0, 0(a0)\n"
    "  ret\n"
    "vm_sw: li t0, 0x5a5a0000\n"
    "  or t0, t0, a0\n"
    "  sw t0, 0(a0)\n"
    "  li a0, 0\n"
    "  ret\n"
    "vm_patch: la t0, patch_word\n"
    "  lw t0, 0(t0)\n"
    "  sw t0, 0(a0)\n"
    "  fence.i\n"
    "  li a0, 0\n"
    "  ret\n"
    "vm_call: addi sp, sp, -16\n"
    "  sw ra, 12(sp)\n"
    "  jalr a0\n"
    "  lw ra, 12(sp)\n"
    "  addi sp, sp, 16\n"
    "  ret\n"
    /* position-independent code copied into test pages */
    ".globl vm_fetch_code, vm_fetch_code_end\n.balign 4\n"
    "vm_fetch_code: li a0, 0x600d\n"
    "  ret\n"
    "vm_fetch_code_end:\n"
    /* copied to the last 8 bytes of a page: nop, nop, then lui a0 straddling the boundary */
    ".globl straddle_code, straddle_code_end\n.balign 4\n"
    "straddle_code: .hword 0x0001\n"    /* c.nop at page offset 0xff8 */
    "  .hword 0x0001\n"
    "  .hword 0x0001\n"
    "  .hword 0x0537, 0x1234\n"         /* lui a0, 0x12340 at page offset 0xffe */
    "straddle_code_end:\n"
    ".globl u_lw, u_lw_end\n.balign 4\n"
    "u_lw: lw a0, 0(a0)\n"
    "  ecall\n"
    "u_lw_end:\n");
