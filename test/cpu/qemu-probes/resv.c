/* Is a reservation dropped by mret alone? */
#include "lib.h"
static volatile uint32_t w __attribute__((aligned(16)));
int main(void) {
  uint32_t r, v;
  asm volatile("lr.w %0, (%2); la t0, 1f; csrw mepc, t0; li t1, 0x1800; csrs mstatus, t1; mret; 1: sc.w %1, %3, (%2)"
               : "=&r"(r), "=&r"(v) : "r"(&w), "r"(5) : "t0", "t1", "memory");
  show("sc after mret only", v);
  return 0;
}
