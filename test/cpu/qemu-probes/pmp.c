/* PMP: cfg WARL, matching in S-mode, M-mode with/without L, TOR lock of the previous pmpaddr. */
#include "lib.h"
static volatile uint32_t data[64] __attribute__((aligned(256)));
static volatile uint32_t res[8];
static void s_probe(void) {
  clear_trap(); (void)data[0]; res[0] = last_trap.count ? last_trap.cause : 0; res[4] = last_trap.tval;
  clear_trap(); data[0] = 1; res[1] = last_trap.count ? last_trap.cause : 0;
  clear_trap(); (void)data[16]; res[2] = last_trap.count ? last_trap.cause : 0;
  clear_trap(); asm volatile("lw zero, 254(%0)" :: "r"(data)); res[3] = last_trap.count ? last_trap.cause : 0; res[5] = last_trap.tval;
  asm volatile("ecall");
}
static void dump(const char *w) { puts_(w); for (int i = 0; i < 6; i++) { putch(' '); hex(res[i]); } putch('\n'); }
int main(void) {
  CSRW(pmpcfg1, 0x0f0e0602); show("pmpcfg1 <- 0f0e0602", CSRR(pmpcfg1));
  CSRW(pmpcfg1, 0x7f601018); show("pmpcfg1 <- 7f601018", CSRR(pmpcfg1));
  CSRW(pmpcfg1, 0);
  uintptr_t d = (uintptr_t)data;
  /* entry 0: NAPOT 256 bytes over data, R only; entry 2: everything RWX (NAPOT all). */
  CSRW(pmpaddr0, (d >> 2) | 0x1f); CSRW(pmpaddr2, 0xffffffff);
  CSRW(pmpcfg0, (0x1f << 16) | 0x19);
  show("pmpcfg0", CSRR(pmpcfg0));
  in_lower = 1; enter_mode(1, s_probe); dump("S: R-only NAPOT over data (ld, st, ld+64, ld 254 straddle; tvals)");
  /* entry 0: TOR [0, data+64) no perms; S access data[16] matches entry 2. */
  CSRW(pmpaddr0, d >> 2); CSRW(pmpaddr1, (d + 64) >> 2); CSRW(pmpcfg0, (0x1f << 16) | (0x08 << 8));
  in_lower = 1; enter_mode(1, s_probe); dump("S: TOR [data,data+64) none");
  /* NA4 on data[0] with RW, rest matches entry 2. */
  CSRW(pmpaddr0, d >> 2); CSRW(pmpcfg0, (0x1f << 16) | 0x13); CSRW(pmpaddr1, 0);
  in_lower = 1; enter_mode(1, s_probe); dump("S: NA4 RW data[0]");
  /* Only entry 0 active (NA4 data[0] RW): others unmatched -> S fetch fails. */
  CSRW(pmpcfg0, 0x13);
  in_lower = 1; clear_trap();
  enter_mode(1, s_probe); show_trap("S: only NA4 entry, fetch elsewhere"); in_lower = 0;
  /* M-mode ignores unlocked entries, obeys locked ones. */
  CSRW(pmpaddr0, (d >> 2) | 0x1f); CSRW(pmpcfg0, (0x1f << 16) | 0x18);
  clear_trap(); (void)data[0]; show_trap("M: unlocked no-perm entry");
  CSRW(pmpcfg0, (0x1f << 16) | 0x99);
  clear_trap(); (void)data[0]; show_trap("M: locked R entry, load");
  clear_trap(); data[0] = 2; show_trap("M: locked R entry, store");
  CSRW(pmpcfg0, 0); show("pmpcfg0 after write 0 (locked)", CSRR(pmpcfg0));
  CSRW(pmpaddr0, 0); show("pmpaddr0 after write 0 (locked)", CSRR(pmpaddr0));
  /* entry 3 TOR locked: pmpaddr2 becomes read-only. */
  CSRW(pmpaddr3, 0xffffffff); CSRW(pmpcfg0, (0x1f << 16) | 0x99 | (0x8f << 24));
  CSRW(pmpaddr2, 0x1234); show("pmpaddr2 under locked TOR entry 3", CSRR(pmpaddr2));
  return 0;
}
