/* Reset values and identity CSRs. */
#include "lib.h"
int main(void) {
  show("misa", CSRR(misa)); show("mvendorid", CSRR(mvendorid)); show("marchid", CSRR(marchid));
  show("mimpid", CSRR(mimpid)); show("mhartid", CSRR(mhartid)); show("mstatus", CSRR(mstatus));
  show("mtvec(after write)", CSRR(mtvec)); show("mie", CSRR(mie)); show("mip", CSRR(mip));
  show("medeleg", CSRR(medeleg)); show("mideleg", CSRR(mideleg)); show("satp", CSRR(satp));
  show("mcounteren", CSRR(mcounteren)); show("mcountinhibit", CSRR(0x320)); show("menvcfg", CSRR(0x30a));
  show("mcause", CSRR(mcause)); show("mepc", CSRR(mepc)); show("mtval", CSRR(mtval));
  show("pmpcfg0", CSRR(pmpcfg0)); show("pmpaddr0", CSRR(pmpaddr0));
  return 0;
}
