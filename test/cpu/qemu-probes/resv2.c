/* Is a reservation dropped by trap entry (sc inside the handler, before mret)? */
#include "lib.h"
volatile uint32_t w2 __attribute__((aligned(16)));
volatile uint32_t sc_in_handler;
void sc_handler(void);
asm(".align 2\nsc_handler: la t0, w2; li t1, 7; sc.w t1, t1, (t0); la t0, sc_in_handler; sw t1, 0(t0);"
    "csrr t0, mepc; addi t0, t0, 4; csrw mepc, t0; mret");
extern void trap_entry(void);
int main(void) {
  uint32_t r;
  CSRW(mtvec, sc_handler);
  asm volatile("lr.w %0, (%1); ecall" : "=&r"(r) : "r"(&w2) : "t0", "t1", "memory");
  CSRW(mtvec, trap_entry);
  show("sc in handler after lr;ecall", sc_in_handler);
  return 0;
}
