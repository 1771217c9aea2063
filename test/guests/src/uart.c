/*
 * The NS16550A console: formatted output (numbers, padding, every byte value 0x00-0xff, CR/LF),
 * register state at reset and after writes (LSR, IIR, IER, LCR, MCR, MSR, SCR, divisor latch),
 * FIFO enable in IIR, and loopback mode (a byte written comes back in RBR with LSR.DR set).
 * Built without C.
 */
#include "runtime.h"

#define RBR (UART_BASE + 0)
#define THR (UART_BASE + 0)
#define DLL (UART_BASE + 0)
#define IER (UART_BASE + 1)
#define DLM (UART_BASE + 1)
#define IIR (UART_BASE + 2)
#define FCR (UART_BASE + 2)
#define LCR (UART_BASE + 3)
#define MCR (UART_BASE + 4)
#define LSR (UART_BASE + 5)
#define MSR (UART_BASE + 6)
#define SCR (UART_BASE + 7)

int main(void)
{
    /* registers at reset (before anything is printed) */
    uint8_t lsr0 = REG8(LSR), iir0 = REG8(IIR), ier0 = REG8(IER), lcr0 = REG8(LCR), mcr0 = REG8(MCR),
            msr0 = REG8(MSR), scr0 = REG8(SCR);
    pr("uart test\n");
    pr("reset: LSR=%02x IIR=%02x IER=%02x LCR=%02x MCR=%02x MSR=%02x SCR=%02x\n", lsr0, iir0, ier0,
       lcr0, mcr0, msr0, scr0);

    /* formatting */
    pr("dec: %d %d %d %d %u\n", 0, 42, -42, (int32_t)0x80000000, 0xffffffffu);
    pr("hex: %x %08x %x\n", 0xdeadbeefu, 0x1fu, 0u);
    pr("pad: [%5d] [%05u] [%3x] [%08x]\n", 42, 99, 0xabu, 0xfu);
    pr("str: [%s] [%c%c%c] 100%%\n", "hello, world", 'a', 'b', 'c');
    uart_puts("tab:\tx\r\n");
    uart_puts("crlf line\r\n");
    pr("bytes:");
    for (int i = 0; i < 256; i++)
        uart_putc((char)i);
    pr(":end\n");

    /* LSR right after a write */
    REG8(THR) = '!';
    uint8_t lsr1 = REG8(LSR);
    while (!(REG8(LSR) & 0x40))
        ;
    pr("\nLSR after write then idle: THRE=%u TEMT=%u DR=%u\n", (REG8(LSR) >> 5) & 1, (REG8(LSR) >> 6) & 1, REG8(LSR) & 1);
    (void)lsr1;

    /* scratch, IER masking, LCR, divisor latch */
    REG8(SCR) = 0xa5;
    pr("SCR=%02x\n", REG8(SCR));
    REG8(IER) = 0xf0;
    pr("IER after writing f0: %02x\n", REG8(IER));
    REG8(IER) = 0;
    REG8(LCR) = 0x83;
    REG8(DLL) = 0x0c;
    REG8(DLM) = 0x01;
    uint8_t dll = REG8(DLL), dlm = REG8(DLM), lcr = REG8(LCR);
    REG8(LCR) = 0x03;
    pr("divisor: DLL=%02x DLM=%02x (LCR=%02x), LCR now %02x, IER=%02x\n", dll, dlm, lcr, REG8(LCR), REG8(IER));

    /* FIFO enable shows in IIR[7:6] */
    REG8(FCR) = 0x07;
    uint8_t iir_fifo = REG8(IIR);
    REG8(FCR) = 0x00;
    uint8_t iir_nofifo = REG8(IIR);
    pr("IIR with FIFO: %02x, without: %02x\n", iir_fifo, iir_nofifo);

    /* loopback: nothing reaches the console; bytes come back to RBR */
    uint8_t mcr_saved = REG8(MCR);
    REG8(MCR) = mcr_saved | 0x10;
    uint8_t lsr_a = REG8(LSR);
    REG8(THR) = 'Z';
    uint8_t lsr_b = REG8(LSR);
    uint8_t got = REG8(RBR);
    uint8_t lsr_c = REG8(LSR);
    REG8(MCR) = mcr_saved;
    pr("loopback: DR before=%u after write=%u, RBR=%c, DR after read=%u\n", lsr_a & 1, lsr_b & 1, got, lsr_c & 1);
    pr("LSR=%02x, done\n", REG8(LSR));
    return 0;
}
