/* Misaligned ordinary loads/stores, LR/SC/AMO alignment, and when a reservation is lost. */
#include "lib.h"
static volatile uint32_t buf[4] __attribute__((aligned(16))) = { 0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c };
static uint32_t lw_at(uintptr_t a) { uint32_t v; asm volatile("lw %0, 0(%1)" : "=r"(v) : "r"(a)); return v; }
static uint32_t lh_at(uintptr_t a) { uint32_t v; asm volatile("lh %0, 0(%1)" : "=r"(v) : "r"(a)); return v; }
int main(void) {
  uintptr_t b = (uintptr_t)buf;
  clear_trap(); show("lw +1", lw_at(b + 1)); show_trap("lw +1");
  clear_trap(); show("lw +3", lw_at(b + 3)); show_trap("lw +3");
  clear_trap(); show("lh +1", lh_at(b + 1)); show_trap("lh +1");
  clear_trap(); asm volatile("sw %0, 0(%1)" :: "r"(0xaabbccdd), "r"(b + 5)); show_trap("sw +5");
  show("buf1", buf[1]); show("buf2", buf[2]);
  uint32_t v;
  clear_trap(); asm volatile("li %0, 0x55; lr.w %0, (%1)" : "=&r"(v) : "r"(b + 2)); show_trap("lr.w +2"); show("lr value", v);
  clear_trap(); asm volatile("li %0, 0x55; sc.w %0, %2, (%1)" : "=&r"(v) : "r"(b + 2), "r"(1)); show_trap("sc.w +2"); show("sc result", v);
  clear_trap(); asm volatile("li %0, 0x55; amoadd.w %0, %2, (%1)" : "=&r"(v) : "r"(b + 2), "r"(1)); show_trap("amoadd.w +2"); show("amo result", v);
  clear_trap(); asm volatile("li %0, 0x55; amoswap.w %0, %2, (%1)" : "=&r"(v) : "r"(b + 1), "r"(1)); show_trap("amoswap.w +1");
  /* Access faults at an unmapped physical address. */
  clear_trap(); lw_at(0x0); show_trap("lw 0x0");
  clear_trap(); lw_at(0x5000); show_trap("lw 0x5000");
  clear_trap(); asm volatile("sw zero, 0(%0)" :: "r"(0x5000)); show_trap("sw 0x5000");
  clear_trap(); asm volatile("amoadd.w zero, zero, (%0)" :: "r"(0x5000)); show_trap("amoadd 0x5000");
  clear_trap(); asm volatile("lr.w zero, (%0)" :: "r"(0x5000)); show_trap("lr 0x5000");
  clear_trap(); asm volatile("lw zero, 0(%0)" :: "r"(0x5002)); show_trap("lw 0x5002 (misaligned unmapped)");
  clear_trap(); asm volatile("lw zero, 0(%0)" :: "r"(0x80000000 - 2)); show_trap("lw straddling into RAM");
  /* Reservations. */
  uint32_t r;
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); show("sc plain", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b + 4), "r"(0x11)); show("sc other addr", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x12)); show("second sc", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); buf[0] = 0x99; asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); show("sc after store of other value", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); buf[0] = r; asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); show("sc after store of same value", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); asm volatile("ecall"); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); show("sc after ecall trap+mret", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); asm volatile("amoadd.w zero, zero, (%0)" :: "r"(b + 8)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); show("sc after amo elsewhere", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); asm volatile("lw zero, 0(%0)" :: "r"(b+8)); asm volatile("sw zero, 0(%0)" :: "r"(b+8)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); show("sc after store elsewhere", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b+8)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); show("sc after 2nd lr elsewhere", v);
  asm volatile("lr.w %0, (%1)" : "=r"(r) : "r"(b)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b+4), "r"(0x11)); asm volatile("sc.w %0, %2, (%1)" : "=r"(v) : "r"(b), "r"(0x11)); show("sc after failed sc elsewhere", v);
  return 0;
}
